-- Satisfaction survey (SKM, PermenPANRB 14/2017). The elements (unsur) are data: sources disagree on the order of
-- U8 and U9, so the code, its place on the form and its meaning live here and nowhere in the code.
CREATE TABLE survey_element (
    code        VARCHAR(8) PRIMARY KEY,
    position    SMALLINT NOT NULL UNIQUE,
    name_id     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    question_id VARCHAR(400) NOT NULL,
    question_en VARCHAR(400) NOT NULL
);

INSERT INTO survey_element (code, position, name_id, name_en, question_id, question_en) VALUES
('U1', 1, 'Persyaratan', 'Requirements',
 'Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
 'How well do the requirements fit the service?'),
('U2', 2, 'Sistem, mekanisme, dan prosedur', 'System, mechanism and procedure',
 'Bagaimana pendapat Anda tentang kemudahan prosedur pelayanan?',
 'How easy was the procedure of the service?'),
('U3', 3, 'Waktu penyelesaian', 'Completion time',
 'Bagaimana pendapat Anda tentang kecepatan waktu penyelesaian pelayanan?',
 'How fast was the service completed?'),
('U4', 4, 'Biaya/tarif', 'Cost/tariff',
 'Bagaimana pendapat Anda tentang kewajaran biaya/tarif pelayanan?',
 'How fair is the cost or tariff of the service?'),
('U5', 5, 'Produk spesifikasi jenis pelayanan', 'Product specification of the service',
 'Bagaimana pendapat Anda tentang kesesuaian hasil pelayanan dengan yang tercantum dalam standar pelayanan?',
 'How well did the result match what the service standard promises?'),
('U6', 6, 'Kompetensi pelaksana', 'Staff competence',
 'Bagaimana pendapat Anda tentang kemampuan petugas dalam memberikan pelayanan?',
 'How capable were the staff who served you?'),
('U7', 7, 'Perilaku pelaksana', 'Staff behaviour',
 'Bagaimana pendapat Anda tentang kesopanan dan keramahan petugas?',
 'How polite and friendly were the staff?'),
('U8', 8, 'Penanganan pengaduan, saran, dan masukan', 'Handling of complaints, suggestions and input',
 'Bagaimana pendapat Anda tentang penanganan pengaduan, saran, dan masukan pengguna layanan?',
 'How well are complaints, suggestions and input from service users handled?'),
('U9', 9, 'Sarana dan prasarana', 'Facilities and infrastructure',
 'Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?',
 'How good are the facilities and infrastructure?');

-- One questionnaire. Anonymous by construction: no person, no time of day (only the mall's local date, so that a
-- response cannot be matched to the ticket finished at that minute), a random id (a sequence would give the order of
-- answers away), and the ticket or application it answers for only as a keyed hash, kept to allow one answer each.
CREATE TABLE survey_response (
    mall_id        BIGINT NOT NULL REFERENCES mall (id),
    id             UUID NOT NULL,
    agency_id      BIGINT NOT NULL REFERENCES agency (id),
    service_id     BIGINT NOT NULL,
    answered_on    DATE NOT NULL,
    source         VARCHAR(8) NOT NULL CHECK (source IN ('ONLINE', 'TABLET', 'PAPER', 'DEMO')),
    reference_hash CHAR(64),
    age            SMALLINT CHECK (age BETWEEN 10 AND 120),
    sex            VARCHAR(8),
    education      VARCHAR(12),
    occupation     VARCHAR(12),
    PRIMARY KEY (id),
    UNIQUE (mall_id, reference_hash),
    FOREIGN KEY (mall_id, service_id) REFERENCES service (mall_id, id)
);
CREATE INDEX survey_response_period ON survey_response (mall_id, answered_on);

-- The answers of a questionnaire; an element left out has no row
CREATE TABLE survey_answer (
    mall_id      BIGINT NOT NULL,
    response_id  UUID NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
    element_code VARCHAR(8) NOT NULL REFERENCES survey_element (code),
    score        SMALLINT NOT NULL CHECK (score BETWEEN 1 AND 4),
    PRIMARY KEY (response_id, element_code)
);
