-- The retention schedule follows every write (RETENTION.md, "The library system writes between
-- runs"): a statement-level trigger on each table the library system writes (INTERFACES.md) and on
-- the product's own requests and holds puts the actors a statement touched on the queue
-- retention_dirty; the next run plans them anew before it looks at what is due. Statement-level,
-- with transition tables, so a bulk write costs one insert, and append-only (no unique key), so a
-- trigger never waits for another transaction. The cleanup run, `load` and `demo` keep the schedule
-- themselves and set `retention.quiet` for their own writes. A TRUNCATE, and a change of a retention
-- setting, make the whole schedule be rebuilt (cleanup_state.plan_rebuild_after = 0).
CREATE FUNCTION retention_mark_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('retention.quiet', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO retention_dirty (actor_id) SELECT DISTINCT actor_id FROM new_rows WHERE actor_id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION retention_mark_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('retention.quiet', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO retention_dirty (actor_id) SELECT DISTINCT actor_id FROM old_rows WHERE actor_id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION retention_mark_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('retention.quiet', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO retention_dirty (actor_id)
      SELECT actor_id FROM new_rows WHERE actor_id IS NOT NULL
      UNION SELECT actor_id FROM old_rows WHERE actor_id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION retention_mark_actors_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('retention.quiet', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO retention_dirty (actor_id) SELECT id FROM new_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION retention_mark_actors_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('retention.quiet', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO retention_dirty (actor_id) SELECT id FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION retention_mark_actors_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('retention.quiet', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO retention_dirty (actor_id) SELECT id FROM new_rows UNION SELECT id FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION retention_replan_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cleanup_state SET plan_rebuild_after = 0 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER actors_retention_insert AFTER INSERT ON actors
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_actors_inserted();
--> statement-breakpoint
CREATE TRIGGER actors_retention_update AFTER UPDATE ON actors
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_actors_updated();
--> statement-breakpoint
CREATE TRIGGER actors_retention_delete AFTER DELETE ON actors
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_actors_deleted();
--> statement-breakpoint
CREATE TRIGGER actors_retention_truncate AFTER TRUNCATE ON actors
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER roles_retention_insert AFTER INSERT ON roles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER roles_retention_update AFTER UPDATE ON roles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER roles_retention_delete AFTER DELETE ON roles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER roles_retention_truncate AFTER TRUNCATE ON roles
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER other_roles_retention_insert AFTER INSERT ON other_roles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER other_roles_retention_update AFTER UPDATE ON other_roles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER other_roles_retention_delete AFTER DELETE ON other_roles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER other_roles_retention_truncate AFTER TRUNCATE ON other_roles
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER blocks_retention_insert AFTER INSERT ON blocks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER blocks_retention_update AFTER UPDATE ON blocks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER blocks_retention_delete AFTER DELETE ON blocks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER blocks_retention_truncate AFTER TRUNCATE ON blocks
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER credentials_retention_insert AFTER INSERT ON credentials
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER credentials_retention_update AFTER UPDATE ON credentials
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER credentials_retention_delete AFTER DELETE ON credentials
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER credentials_retention_truncate AFTER TRUNCATE ON credentials
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER financial_items_retention_insert AFTER INSERT ON financial_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER financial_items_retention_update AFTER UPDATE ON financial_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER financial_items_retention_delete AFTER DELETE ON financial_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER financial_items_retention_truncate AFTER TRUNCATE ON financial_items
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER loans_retention_insert AFTER INSERT ON loans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER loans_retention_update AFTER UPDATE ON loans
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER loans_retention_delete AFTER DELETE ON loans
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER loans_retention_truncate AFTER TRUNCATE ON loans
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER titles_previously_borrowed_retention_insert AFTER INSERT ON titles_previously_borrowed
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER titles_previously_borrowed_retention_update AFTER UPDATE ON titles_previously_borrowed
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER titles_previously_borrowed_retention_delete AFTER DELETE ON titles_previously_borrowed
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER titles_previously_borrowed_retention_truncate AFTER TRUNCATE ON titles_previously_borrowed
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER asset_profiles_retention_insert AFTER INSERT ON asset_profiles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER asset_profiles_retention_update AFTER UPDATE ON asset_profiles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER asset_profiles_retention_delete AFTER DELETE ON asset_profiles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER asset_profiles_retention_truncate AFTER TRUNCATE ON asset_profiles
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER instance_history_retention_insert AFTER INSERT ON instance_history
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER instance_history_retention_update AFTER UPDATE ON instance_history
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER instance_history_retention_delete AFTER DELETE ON instance_history
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER instance_history_retention_truncate AFTER TRUNCATE ON instance_history
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER holds_retention_insert AFTER INSERT ON holds
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER holds_retention_update AFTER UPDATE ON holds
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER holds_retention_delete AFTER DELETE ON holds
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER holds_retention_truncate AFTER TRUNCATE ON holds
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER marketing_retention_insert AFTER INSERT ON marketing
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER marketing_retention_update AFTER UPDATE ON marketing
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER marketing_retention_delete AFTER DELETE ON marketing
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER marketing_retention_truncate AFTER TRUNCATE ON marketing
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER ksm_retention_insert AFTER INSERT ON ksm
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER ksm_retention_update AFTER UPDATE ON ksm
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER ksm_retention_delete AFTER DELETE ON ksm
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER ksm_retention_truncate AFTER TRUNCATE ON ksm
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER customer_notifications_retention_insert AFTER INSERT ON customer_notifications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER customer_notifications_retention_update AFTER UPDATE ON customer_notifications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER customer_notifications_retention_delete AFTER DELETE ON customer_notifications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER customer_notifications_retention_truncate AFTER TRUNCATE ON customer_notifications
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER to_inform_retention_insert AFTER INSERT ON to_inform
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER to_inform_retention_update AFTER UPDATE ON to_inform
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER to_inform_retention_delete AFTER DELETE ON to_inform
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER to_inform_retention_truncate AFTER TRUNCATE ON to_inform
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER tickets_retention_insert AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER tickets_retention_update AFTER UPDATE ON tickets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER tickets_retention_delete AFTER DELETE ON tickets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER tickets_retention_truncate AFTER TRUNCATE ON tickets
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER account_changes_retention_insert AFTER INSERT ON account_changes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER account_changes_retention_update AFTER UPDATE ON account_changes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER account_changes_retention_delete AFTER DELETE ON account_changes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER account_changes_retention_truncate AFTER TRUNCATE ON account_changes
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER documents_retention_insert AFTER INSERT ON documents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER documents_retention_update AFTER UPDATE ON documents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER documents_retention_delete AFTER DELETE ON documents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER documents_retention_truncate AFTER TRUNCATE ON documents
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER relationships_retention_insert AFTER INSERT ON relationships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER relationships_retention_update AFTER UPDATE ON relationships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER relationships_retention_delete AFTER DELETE ON relationships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER relationships_retention_truncate AFTER TRUNCATE ON relationships
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER collection_records_retention_insert AFTER INSERT ON collection_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER collection_records_retention_update AFTER UPDATE ON collection_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER collection_records_retention_delete AFTER DELETE ON collection_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER collection_records_retention_truncate AFTER TRUNCATE ON collection_records
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER collections_agency_retention_insert AFTER INSERT ON collections_agency
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER collections_agency_retention_update AFTER UPDATE ON collections_agency
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER collections_agency_retention_delete AFTER DELETE ON collections_agency
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER collections_agency_retention_truncate AFTER TRUNCATE ON collections_agency
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER removal_requests_retention_insert AFTER INSERT ON removal_requests
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER removal_requests_retention_update AFTER UPDATE ON removal_requests
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER removal_requests_retention_delete AFTER DELETE ON removal_requests
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER removal_requests_retention_truncate AFTER TRUNCATE ON removal_requests
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER legal_holds_retention_insert AFTER INSERT ON legal_holds
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER legal_holds_retention_update AFTER UPDATE ON legal_holds
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_updated();
--> statement-breakpoint
CREATE TRIGGER legal_holds_retention_delete AFTER DELETE ON legal_holds
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_mark_deleted();
--> statement-breakpoint
CREATE TRIGGER legal_holds_retention_truncate AFTER TRUNCATE ON legal_holds
  FOR EACH STATEMENT EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER settings_retention_insert AFTER INSERT ON settings
  FOR EACH ROW EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER settings_retention_update AFTER UPDATE ON settings
  FOR EACH ROW WHEN (OLD.value IS DISTINCT FROM NEW.value OR OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION retention_replan_all();
--> statement-breakpoint
CREATE TRIGGER settings_retention_delete AFTER DELETE ON settings
  FOR EACH ROW EXECUTE FUNCTION retention_replan_all();
