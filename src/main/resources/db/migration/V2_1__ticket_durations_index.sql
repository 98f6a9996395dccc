-- Recent finished visits per service, for the wait estimate
CREATE INDEX ticket_finished_idx ON ticket (mall_id, finished_at) WHERE status = 'DONE';
