-- Schema 4: a groups file replaces each group's member list, so members are looked up by group.
CREATE INDEX group_memberships_group ON group_memberships(group_id) WHERE to_date IS NULL;
