create table if not exists agents (name varchar(40) primary key);
