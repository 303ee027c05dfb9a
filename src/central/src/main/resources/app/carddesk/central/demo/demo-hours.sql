-- Staffed hours of the demo libraries (weekday 1 = Monday), as a library's administrator sets them.
INSERT INTO library_hours (library_code, weekday, opens, closes) VALUES
    ('DEMO-DK', 1, TIME '08:00:00', TIME '21:00:00'), ('DEMO-DK', 2, TIME '08:00:00', TIME '21:00:00'),
    ('DEMO-DK', 3, TIME '08:00:00', TIME '21:00:00'), ('DEMO-DK', 4, TIME '08:00:00', TIME '21:00:00'),
    ('DEMO-DK', 5, TIME '08:00:00', TIME '19:00:00'), ('DEMO-DK', 6, TIME '09:00:00', TIME '17:00:00'),
    ('DEMO-NO', 1, TIME '09:00:00', TIME '20:00:00'), ('DEMO-NO', 2, TIME '09:00:00', TIME '20:00:00'),
    ('DEMO-NO', 3, TIME '09:00:00', TIME '20:00:00'), ('DEMO-NO', 4, TIME '09:00:00', TIME '20:00:00'),
    ('DEMO-NO', 5, TIME '09:00:00', TIME '18:00:00'), ('DEMO-NO', 6, TIME '10:00:00', TIME '16:00:00'),
    ('DEMO-NO-BGO', 1, TIME '10:00:00', TIME '19:00:00'), ('DEMO-NO-BGO', 2, TIME '10:00:00', TIME '19:00:00'),
    ('DEMO-NO-BGO', 3, TIME '10:00:00', TIME '19:00:00'), ('DEMO-NO-BGO', 4, TIME '10:00:00', TIME '19:00:00'),
    ('DEMO-NO-BGO', 5, TIME '10:00:00', TIME '16:00:00');
