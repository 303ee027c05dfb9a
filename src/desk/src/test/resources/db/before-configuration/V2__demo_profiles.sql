-- Demo library profiles, so that a fresh install works without setup. Both are test profiles:
-- they accept the synthetic identity numbers of the stand-in population register.

INSERT INTO library_profile VALUES ('DEMO-DK', 'Demo Research Library Copenhagen', 'DK', TRUE, 365, 'KB-SK');
INSERT INTO card_series VALUES ('DEMO-DK', '4099', 5, 'NONE');
INSERT INTO pickup_library VALUES
    ('DEMO-DK', 'KB-SK', 'Den Sorte Diamant, Slotsholmen', 1),
    ('DEMO-DK', 'KB-AMA', 'Søndre Campus, Amager', 2),
    ('DEMO-DK', 'KB-AAR', 'Universitetsbiblioteket, Aarhus', 3),
    ('DEMO-DK', 'KB-NOR', 'Nørre Campus', 4);
INSERT INTO patron_category VALUES
    ('DEMO-DK', 'STUDENT', 'Studerende', 'Student', 'Student', 1),
    ('DEMO-DK', 'EXCHANGE', 'Udvekslingsstuderende', 'Utvekslingsstudent', 'Exchange student', 2),
    ('DEMO-DK', 'STAFF', 'Ansat ved universitetet', 'Ansatt ved universitetet', 'University staff', 3),
    ('DEMO-DK', 'RESEARCHER', 'Gæsteforsker', 'Gjesteforsker', 'Visiting researcher', 4),
    ('DEMO-DK', 'PUBLIC', 'Privat låner', 'Privat låner', 'Private patron', 5);

INSERT INTO library_profile VALUES ('DEMO-NO', 'Demo folkebibliotek Oslo', 'NO', TRUE, 365, 'OSL-HOV');
INSERT INTO card_series VALUES ('DEMO-NO', 'N', 9, 'NONE');
INSERT INTO pickup_library VALUES
    ('DEMO-NO', 'OSL-HOV', 'Hovedbiblioteket, Bjørvika', 1),
    ('DEMO-NO', 'OSL-GRU', 'Grünerløkka', 2),
    ('DEMO-NO', 'OSL-TOY', 'Tøyen', 3);
INSERT INTO patron_category VALUES
    ('DEMO-NO', 'ADULT', 'Voksen', 'Voksen', 'Adult', 1),
    ('DEMO-NO', 'CHILD', 'Barn', 'Barn', 'Child', 2),
    ('DEMO-NO', 'STUDENT', 'Studerende', 'Student', 'Student', 3);
