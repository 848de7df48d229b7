-- The cancellation date lives on the actor (RETENTION.md): the latest end date of the actor's
-- memberships (ABON, EDUV), kept when the membership rows are later deleted by the `memberships`
-- rule. Statement-level triggers keep it set-based for bulk inserts.
CREATE FUNCTION actors_track_cancellation_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE actors a
     SET cancellation_date = GREATEST(a.cancellation_date, m.last_end)
    FROM (SELECT actor_id, max(end_date) AS last_end
            FROM new_roles
           WHERE type IN ('ABON', 'EDUV') AND end_date IS NOT NULL
           GROUP BY actor_id) m
   WHERE a.id = m.actor_id
     AND (a.cancellation_date IS NULL OR a.cancellation_date < m.last_end);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER roles_cancellation_on_insert AFTER INSERT ON roles
  REFERENCING NEW TABLE AS new_roles FOR EACH STATEMENT EXECUTE FUNCTION actors_track_cancellation_date();
--> statement-breakpoint
CREATE TRIGGER roles_cancellation_on_update AFTER UPDATE ON roles
  REFERENCING NEW TABLE AS new_roles FOR EACH STATEMENT EXECUTE FUNCTION actors_track_cancellation_date();
--> statement-breakpoint
-- The settings audit log is append-only.
CREATE FUNCTION settings_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'settings_audit is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER settings_audit_no_update BEFORE UPDATE OR DELETE ON settings_audit
  FOR EACH ROW EXECUTE FUNCTION settings_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER settings_audit_no_truncate BEFORE TRUNCATE ON settings_audit
  FOR EACH STATEMENT EXECUTE FUNCTION settings_audit_append_only();
--> statement-breakpoint
INSERT INTO cleanup_state (id) VALUES (1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO settings (name, value) VALUES
  ('inactiveActorMonths', 0), ('financialMonths', 0), ('historyMonths', 0),
  ('personalDataMonths', 0), ('optOutLoanDays', 0)
ON CONFLICT DO NOTHING;
