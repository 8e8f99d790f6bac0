INSERT INTO bench_insert (id, payload, created_at) VALUES (nextval('bench_insert_seq'), md5(random()::text), now());
