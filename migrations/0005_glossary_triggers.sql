-- Vote counts are kept exact by triggers, like the other counters (0001_counters.sql).
CREATE TRIGGER glossary_votes_count_insert AFTER INSERT ON glossary_votes BEGIN
  UPDATE glossary_explanations SET vote_count = vote_count + 1 WHERE id = NEW.explanation_id;
END;
--> statement-breakpoint
CREATE TRIGGER glossary_votes_count_delete AFTER DELETE ON glossary_votes BEGIN
  UPDATE glossary_explanations SET vote_count = vote_count - 1 WHERE id = OLD.explanation_id;
END;
--> statement-breakpoint
-- The glossary's version changes with every change to terms or decisions, so a
-- worker's cached copy of the glossary knows when to reload.
INSERT INTO glossary_state (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER glossary_terms_version_insert AFTER INSERT ON glossary_terms BEGIN
  UPDATE glossary_state SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER glossary_terms_version_update AFTER UPDATE ON glossary_terms BEGIN
  UPDATE glossary_state SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER glossary_terms_version_delete AFTER DELETE ON glossary_terms BEGIN
  UPDATE glossary_state SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER glossary_decisions_version_insert AFTER INSERT ON glossary_decisions BEGIN
  UPDATE glossary_state SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER glossary_decisions_version_update AFTER UPDATE ON glossary_decisions BEGIN
  UPDATE glossary_state SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER glossary_decisions_version_delete AFTER DELETE ON glossary_decisions BEGIN
  UPDATE glossary_state SET version = version + 1 WHERE id = 1;
END;
