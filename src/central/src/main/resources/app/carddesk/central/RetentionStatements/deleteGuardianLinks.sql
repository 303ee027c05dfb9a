DELETE FROM guardian_link WHERE child_id IN (<ids>) OR guardian_id IN (<ids>)
