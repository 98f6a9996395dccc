-- Citizens' names and contacts are kept encrypted (AES-GCM) like the NIK. The columns become BYTEA holding the
-- existing text as it was; the application encrypts those values in batches after start (a value whose first byte
-- is not a key header reads as text until then) and writes only encrypted values from now on.
ALTER TABLE citizen
    ALTER COLUMN full_name TYPE BYTEA USING convert_to(full_name, 'UTF8'),
    ALTER COLUMN email TYPE BYTEA USING convert_to(email, 'UTF8'),
    ALTER COLUMN phone TYPE BYTEA USING convert_to(phone, 'UTF8');

ALTER TABLE citizen_code
    ALTER COLUMN full_name TYPE BYTEA USING convert_to(full_name, 'UTF8'),
    ALTER COLUMN email TYPE BYTEA USING convert_to(email, 'UTF8'),
    ALTER COLUMN phone TYPE BYTEA USING convert_to(phone, 'UTF8');

ALTER TABLE appointment
    ALTER COLUMN name TYPE BYTEA USING convert_to(name, 'UTF8'),
    ALTER COLUMN phone TYPE BYTEA USING convert_to(phone, 'UTF8'),
    ALTER COLUMN email TYPE BYTEA USING convert_to(email, 'UTF8');

ALTER TABLE complaint
    ALTER COLUMN contact_email TYPE BYTEA USING convert_to(contact_email, 'UTF8'),
    ALTER COLUMN contact_phone TYPE BYTEA USING convert_to(contact_phone, 'UTF8');
