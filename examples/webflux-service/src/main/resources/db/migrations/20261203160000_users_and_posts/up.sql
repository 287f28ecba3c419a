CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email varchar(254) NOT NULL,
  name varchar(100) NOT NULL,
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT users_email_key UNIQUE (email)
);
CREATE TABLE posts (
  id bigserial PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  CONSTRAINT posts_author_title_key UNIQUE (author_id, title)
);
