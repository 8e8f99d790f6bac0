-- The audit trail: one row per change of a customer, written in the change's transaction and
-- never changed or deleted afterwards (the trail outlives the account).
CREATE TABLE customer_event (
    id          text        PRIMARY KEY,
    customer_id text        NOT NULL,
    type        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    data        jsonb       NOT NULL,
    actor_type  text        NOT NULL,
    actor_name  text        NOT NULL,
    request_id  text
);
CREATE INDEX customer_event_newest ON customer_event (created_at DESC, id DESC);
CREATE INDEX customer_event_by_customer ON customer_event (customer_id, created_at DESC, id DESC);

-- The outbox: the events webhook dispatch has not taken yet, inserted by the same statement as the
-- event. The relay deletes the rows it takes (in the transaction that creates the deliveries), so
-- the table stays as small as the backlog and the audit rows are written once, never updated.
-- Deliberately bare: no key, no index and no foreign key. Each row is written once by the
-- statement that writes its event and read only by the relay's scan of this small table, and each
-- of those would add write-ahead log and a lookup to every change of a customer (measured: the
-- foreign key's check alone locked one customer_event row per change).
CREATE TABLE event_outbox (
    event_id   text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- Webhook endpoints; the signing secret is encrypted like the other sensitive columns (associated
-- data: webhook_endpoint|<id>|secret). A deleted endpoint stays, so its delivery log still reads.
CREATE TABLE webhook_endpoint (
    id             text        PRIMARY KEY,
    url            text        NOT NULL,
    enabled_events text[]      NOT NULL,
    secret         bytea       NOT NULL,
    description    text,
    created_at     timestamptz NOT NULL,
    deleted_at     timestamptz
);

-- One event on its way to one endpoint, and each try at it.
CREATE TABLE webhook_delivery (
    id              text        PRIMARY KEY,
    endpoint_id     text        NOT NULL REFERENCES webhook_endpoint (id),
    event_id        text        NOT NULL REFERENCES customer_event (id),
    event_type      text        NOT NULL,
    status          text        NOT NULL,
    next_attempt_at timestamptz,
    created_at      timestamptz NOT NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_newest ON webhook_delivery (endpoint_id, created_at DESC, id DESC);

CREATE TABLE webhook_delivery_attempt (
    delivery_id      text        NOT NULL REFERENCES webhook_delivery (id),
    number           integer     NOT NULL,
    attempted_at     timestamptz NOT NULL,
    status_code      integer,
    duration_ms      integer     NOT NULL,
    error            text,
    response_excerpt text        NOT NULL,
    PRIMARY KEY (delivery_id, number)
);

-- db-scheduler's table (its PostgreSQL definition): background work that survives restarts and
-- runs once across instances (webhook deliveries, the outbox relay).
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
