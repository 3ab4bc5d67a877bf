-- Users number :first to :last of a made-up population, for benchmarks/scale.sh (psql -v first=1 -v last=1000).
-- The same number always makes the same user, so a run of 1 to 1,000 and then 1,001 to 1,000,000 holds the first
-- thousand unchanged. Realistic enough for trigram selectivity to be real: names drawn with a skew (a few very common,
-- a long tail), a third of the surnames made of syllables (tens of thousands of rare ones), a dozen mail providers
-- and many company domains, 5% inactive. Ids are UUIDv7 of created_at (30 s apart), so they sort as the service's do.
WITH picks AS (
    SELECT i,
           -- Deterministic draws in [0, 1), one per purpose.
           (hashint8extended(i, 1) & 281474976710655) / 281474976710656.0 AS u_first,
           (hashint8extended(i, 2) & 281474976710655) / 281474976710656.0 AS u_last,
           (hashint8extended(i, 3) & 281474976710655) / 281474976710656.0 AS u_tail,
           (hashint8extended(i, 4) & 281474976710655) / 281474976710656.0 AS u_format,
           (hashint8extended(i, 5) & 281474976710655) / 281474976710656.0 AS u_domain,
           (hashint8extended(i, 6) & 281474976710655) / 281474976710656.0 AS u_active,
           hashint8extended(i, 7) & 2147483647 AS h,
           timestamptz '2025-01-01 00:00:00+00' + i * interval '30 seconds' AS created_at
    FROM generate_series(:first::bigint, :last::bigint) AS i
),
lists AS (
    SELECT ARRAY['James', 'Maria', 'John', 'Mary', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
                 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
                 'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra',
                 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua', 'Michelle',
                 'Kenneth', 'Dorothy', 'Kevin', 'Carol', 'Brian', 'Amanda', 'George', 'Melissa', 'Edward', 'Deborah',
                 'José', 'Ana', 'Juan', 'Luis', 'Carmen', 'Wei', 'Li', 'Mohammed', 'Fatima', 'Aisha', 'Omar', 'Priya',
                 'Raj', 'Anjali', 'Arjun', 'Yuki', 'Hiroshi', 'Sakura', 'Kenji', 'Olga', 'Ivan', 'Dmitri', 'Natalia',
                 'Sven', 'Ingrid', 'Lars', 'Astrid', 'François', 'Chloé', 'Léa', 'Hugo', 'Giulia', 'Marco', 'Luca',
                 'Sofia', 'Björn', 'Zoë', 'Noah', 'Emma', 'Liam', 'Olivia', 'Lucas', 'Mia', 'Ethan', 'Ava', 'Mateo',
                 'Isabella', 'Chen', 'Jun', 'Ada'] AS firsts,
           ARRAY['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
                 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
                 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
                 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green',
                 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Müller',
                 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Dubois', 'Moreau', 'Laurent',
                 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Wang',
                 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Sato', 'Suzuki', 'Takahashi', 'Tanaka',
                 'Watanabe', 'Kim', 'Park', 'Choi', 'Singh', 'Kumar', 'Sharma', 'Patel', 'Khan', 'Ali', 'Hansen',
                 'Johansson', 'Nielsen', 'Kowalski', 'Nowak', 'Novak', 'Silva', 'Santos', 'O''Brien'] AS lasts,
           ARRAY['ka', 'ri', 'to', 'ma', 'no', 'shi', 'ven', 'dor', 'lin', 'bar', 'tel', 'mar', 'quo', 'zen', 'fal',
                 'rik', 'sto', 'gan', 'mer', 'vil', 'hol', 'tra', 'ber', 'kin', 'dal', 'ros', 'pel', 'nor', 'wes', 'cha',
                 'lum', 'ga', 'vo', 'der', 'sen', 'tor', 'ia', 'ell', 'ung', 'ov'] AS syllables,
           ARRAY['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'proton.me', 'aol.com',
                 'gmx.de', 'web.de', 'orange.fr', 'libero.it', 'mail.ru', 'qq.com', 'yandex.ru'] AS providers,
           ARRAY['com', 'io', 'co.uk', 'de', 'fr', 'net', 'org'] AS tlds
),
people AS (
    SELECT p.i, p.u_format, p.u_domain, p.u_active, p.h, p.created_at,
           l.firsts[1 + floor(array_length(l.firsts, 1) * p.u_first ^ 2)::int] AS first,
           CASE WHEN p.u_tail < 0.65
                THEN l.lasts[1 + floor(array_length(l.lasts, 1) * p.u_last ^ 2)::int]
                ELSE initcap(l.syllables[1 + p.h % 40] || l.syllables[1 + p.h / 40 % 40] ||
                             CASE WHEN p.h / 1600 % 2 = 0 THEN l.syllables[1 + p.h / 3200 % 40] ELSE '' END)
           END AS last,
           CASE WHEN p.u_domain < 0.7
                THEN l.providers[1 + floor(array_length(l.providers, 1) * (p.u_domain / 0.7) ^ 2)::int]
                ELSE l.syllables[1 + p.h / 128000 % 40] || l.syllables[1 + p.h / 5120000 % 40] || '.' ||
                     l.tlds[1 + p.h / 7 % array_length(l.tlds, 1)]
           END AS domain
    FROM picks p CROSS JOIN lists l
),
addresses AS (
    SELECT i, created_at, u_active, first, last, domain,
           translate(lower(first), 'éèëöüäçó', 'eeeouaco') AS f,
           translate(lower(last), 'éèëöüäçó''', 'eeeouaco') AS s,
           u_format
    FROM people
)
INSERT INTO users (id, email, full_name, is_active, email_verified, role, created_at, updated_at)
SELECT (lpad(to_hex((extract(epoch FROM created_at) * 1000)::bigint), 12, '0') || '7000' || '8000' ||
        lpad(to_hex(i), 12, '0'))::uuid,
       CASE WHEN u_format < 0.4 THEN f || '.' || s || i
            WHEN u_format < 0.7 THEN left(f, 1) || s || i
            WHEN u_format < 0.85 THEN f || '_' || i
            ELSE s || '.' || f || i
       END || '@' || domain,
       first || ' ' || last,
       u_active >= 0.05,
       true,
       'user',
       created_at,
       created_at
FROM addresses;
