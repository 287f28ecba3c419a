CREATE TABLE countries (id INTEGER PRIMARY KEY, name VARCHAR(256) NOT NULL UNIQUE);
INSERT INTO countries (id, name) VALUES (1, 'Chile');
