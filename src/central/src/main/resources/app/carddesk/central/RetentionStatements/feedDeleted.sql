-- Every library the patron was a member of hears of the deletion through its change feed.
INSERT INTO change_feed (library_code, patron_id, kind, at)
SELECT library_code, patron_id, 'DELETED', :at FROM membership WHERE patron_id IN (<ids>)
