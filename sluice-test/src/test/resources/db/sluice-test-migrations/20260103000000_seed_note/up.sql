INSERT INTO notes (id, body) VALUES (1, 'from an SQL migration');
