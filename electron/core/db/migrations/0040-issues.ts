import type { Migration } from './index';

/**
 * The citizens' issue log (issue 5): issues with their authors kept apart (personal data),
 * status history, prolongations, editable categories / statuses / bodies, the action plan,
 * saved filters, and a full-text index.
 *
 * `issues.seq` is an INTEGER PRIMARY KEY so that the contentless FTS table can use it as its
 * rowid: a plain rowid may be renumbered by VACUUM, an INTEGER PRIMARY KEY never is. The uuid
 * (`id`) is what travels in exchange packages.
 */
export const m0040Issues: Migration = {
  version: 40,
  name: 'issues',
  up(db) {
    db.exec(`
      CREATE TABLE issue_statuses (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        code TEXT UNIQUE,
        name_kk TEXT NOT NULL CHECK (length(trim(name_kk)) > 0),
        name_ru TEXT NOT NULL CHECK (length(trim(name_ru)) > 0),
        closed INTEGER NOT NULL CHECK (closed IN (0, 1)),
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('satisfied', 'explained', 'refused')),
        ordinal INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        CHECK (closed = 1 OR outcome IS NULL)
      ) STRICT;

      CREATE TABLE issue_categories (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        code TEXT UNIQUE,
        parent_id TEXT REFERENCES issue_categories (id),
        name_kk TEXT NOT NULL CHECK (length(trim(name_kk)) > 0),
        name_ru TEXT NOT NULL CHECK (length(trim(name_ru)) > 0),
        ordinal INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        CHECK (parent_id IS NULL OR parent_id <> id)
      ) STRICT;

      CREATE TABLE bodies (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        name_kk TEXT NOT NULL CHECK (length(trim(name_kk)) > 0),
        name_ru TEXT NOT NULL CHECK (length(trim(name_ru)) > 0),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
      ) STRICT;

      CREATE TABLE body_people (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        body_id TEXT NOT NULL REFERENCES bodies (id),
        full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
        position TEXT NOT NULL DEFAULT '',
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
      ) STRICT;
      CREATE INDEX body_people_body ON body_people (body_id);

      CREATE TABLE issues (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        unit_kato TEXT NOT NULL REFERENCES units (kato),
        registry_no INTEGER NOT NULL CHECK (registry_no > 0),
        meeting_id TEXT REFERENCES meetings (id),
        meeting_no INTEGER CHECK (meeting_no IS NULL OR meeting_no > 0),
        -- The speech of the minutes it was captured from; no foreign key, because saving the
        -- minutes rewrites their rows.
        speech_id TEXT UNIQUE,
        raised_on TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('question', 'proposal', 'remark', 'complaint', 'request')),
        received_via TEXT NOT NULL CHECK (received_via IN ('oral', 'written', 'advance_email', 'advance_box', 'advance_website', 'call_centre', 'personal_reception')),
        collective INTEGER NOT NULL DEFAULT 0 CHECK (collective IN (0, 1)),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        category_id TEXT REFERENCES issue_categories (id),
        locality_kato TEXT REFERENCES units (kato),
        answered_on_spot INTEGER NOT NULL DEFAULT 0 CHECK (answered_on_spot IN (0, 1)),
        answer TEXT NOT NULL DEFAULT '',
        body_id TEXT REFERENCES bodies (id),
        person_id TEXT REFERENCES body_people (id),
        deadline TEXT,
        on_control INTEGER NOT NULL DEFAULT 0 CHECK (on_control IN (0, 1)),
        controller TEXT NOT NULL DEFAULT '',
        eotinish_no TEXT NOT NULL DEFAULT '',
        repeats_id TEXT REFERENCES issues (id),
        status_id TEXT NOT NULL REFERENCES issue_statuses (id),
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('satisfied', 'explained', 'refused')),
        closed_on TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (unit_kato, registry_no),
        UNIQUE (meeting_id, meeting_no),
        CHECK (repeats_id IS NULL OR repeats_id <> id),
        CHECK ((closed_on IS NULL) = (outcome IS NULL))
      ) STRICT;
      -- The log always filters by a unit subtree (the working root at least), so its indexes
      -- lead with the unit: the planner walks the subtree's units and ranges within each.
      -- (unit, registry_no) and (meeting, meeting_no) are the UNIQUE constraints' indexes.
      -- issues_unit_status covers the status chips, overdue (open status, deadline < today),
      -- on control, the counts and the deadline and status sorts without reading the rows.
      CREATE INDEX issues_raised ON issues (raised_on);
      CREATE INDEX issues_unit_raised ON issues (unit_kato, raised_on);
      CREATE INDEX issues_unit_status ON issues (unit_kato, status_id, deadline, on_control);
      CREATE INDEX issues_category ON issues (category_id);
      CREATE INDEX issues_body ON issues (body_id);
      CREATE INDEX issues_locality ON issues (locality_kato);
      CREATE INDEX issues_repeats ON issues (repeats_id) WHERE repeats_id IS NOT NULL;

      -- Personal data, apart: a role that does not need it never reads this table, and exports
      -- leave it out unless the user asks.
      CREATE TABLE issue_authors (
        issue_id TEXT PRIMARY KEY NOT NULL REFERENCES issues (id),
        full_name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE issue_history (
        id TEXT PRIMARY KEY NOT NULL,
        issue_id TEXT NOT NULL REFERENCES issues (id),
        at INTEGER NOT NULL,
        on_date TEXT NOT NULL,
        actor TEXT NOT NULL,
        status_id TEXT NOT NULL REFERENCES issue_statuses (id),
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('satisfied', 'explained', 'refused')),
        comment TEXT NOT NULL DEFAULT '',
        document_ref TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX issue_history_issue ON issue_history (issue_id, at);

      CREATE TABLE issue_prolongations (
        id TEXT PRIMARY KEY NOT NULL,
        issue_id TEXT NOT NULL REFERENCES issues (id),
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        previous_deadline TEXT,
        new_deadline TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
      ) STRICT;
      CREATE INDEX issue_prolongations_issue ON issue_prolongations (issue_id, at);

      CREATE TABLE action_plan_rows (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        issue_id TEXT NOT NULL REFERENCES issues (id),
        ordinal INTEGER NOT NULL DEFAULT 1,
        measure TEXT NOT NULL DEFAULT '',
        completion_form TEXT NOT NULL DEFAULT '',
        executor TEXT NOT NULL DEFAULT '',
        deadline TEXT,
        funding_source TEXT NOT NULL DEFAULT '',
        -- Money as text (tenge, as typed and validated), never a float.
        funding_amount TEXT NOT NULL DEFAULT '',
        mark TEXT NOT NULL DEFAULT 'not_started' CHECK (mark IN ('not_started', 'in_progress', 'done', 'not_done')),
        mark_note TEXT NOT NULL DEFAULT '',
        mark_date TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (issue_id, ordinal)
      ) STRICT;

      CREATE TABLE saved_filters (
        id TEXT PRIMARY KEY NOT NULL,
        scope TEXT NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        filter_json TEXT NOT NULL CHECK (json_valid(filter_json)),
        created_at INTEGER NOT NULL,
        UNIQUE (scope, name)
      ) STRICT;

      -- Folded text (see shared/domain/text/fold.ts) of the issue, its answer and its history
      -- comments; rowid = issues.seq. Contentless: the text lives once, in the tables above.
      CREATE VIRTUAL TABLE issue_search USING fts5 (
        body,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
    `);

    // Seed rows are the same on every installation: their code is their id and their origin is
    // 'seed', so packages from different installations agree on them. User-made rows get uuids.
    const origin = 'seed';
    const status = db.prepare('INSERT INTO issue_statuses (id, origin, code, name_kk, name_ru, closed, outcome, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    STATUSES.forEach(([code, nameKk, nameRu, closed, outcome], i) => status.run(code, origin, code, nameKk, nameRu, closed, outcome, (i + 1) * 10));
    const category = db.prepare('INSERT INTO issue_categories (id, origin, code, name_kk, name_ru, ordinal) VALUES (?, ?, ?, ?, ?, ?)');
    CATEGORIES.forEach(([code, nameKk, nameRu], i) => category.run(code, origin, code, nameKk, nameRu, (i + 1) * 10));
  },
};

/*
 * The seed as released with schema 40, copied in rather than imported from
 * shared/domain/issues/issue.ts: a released migration must write the same rows forever, and
 * an edit to the live constants would otherwise change it silently. A change to the seed is a
 * new migration.
 */
const STATUSES: ReadonlyArray<[code: string, nameKk: string, nameRu: string, closed: 0 | 1, outcome: string | null]> = [
  ['new', 'Тіркелді', 'Зарегистрирован', 0, null],
  ['in_progress', 'Орындалуда', 'В работе', 0, null],
  ['planned', 'Жоспарға (бюджеттік өтінімге) енгізілді', 'Включено в план / бюджетную заявку', 0, null],
  ['done', 'Орындалды', 'Исполнено', 1, 'satisfied'],
  ['explained', 'Түсіндірілді', 'Разъяснено', 1, 'explained'],
  ['forwarded', 'Құзыреті бойынша жіберілді', 'Направлено по компетенции', 1, 'explained'],
  ['rejected', 'Бас тартылды', 'Отказано', 1, 'refused'],
];

const CATEGORIES: ReadonlyArray<[code: string, nameKk: string, nameRu: string]> = [
  ['roads', 'Жолдар мен көпірлер', 'Дороги и мосты'],
  ['water', 'Сумен жабдықтау және су бұру', 'Водоснабжение и водоотведение'],
  ['gas', 'Газдандыру', 'Газификация'],
  ['power', 'Электрмен жабдықтау және көше жарығы', 'Электроснабжение и уличное освещение'],
  ['heating', 'Жылумен жабдықтау', 'Теплоснабжение'],
  ['housing', 'Тұрғын үй', 'Жильё'],
  ['utilities', 'ТКШ, тарифтер, қоқыс шығару', 'ЖКХ, тарифы, вывоз мусора'],
  ['improvement', 'Абаттандыру және көгалдандыру', 'Благоустройство и озеленение'],
  ['land', 'Жер қатынастары', 'Земельные отношения'],
  ['agriculture', 'Ауыл шаруашылығы, жайылымдар, ветеринария', 'Сельское хозяйство, пастбища, ветеринария'],
  ['employment', 'Жұмыспен қамту', 'Занятость'],
  ['social', 'Әлеуметтік қолдау', 'Социальная поддержка'],
  ['health', 'Денсаулық сақтау', 'Здравоохранение'],
  ['education', 'Білім беру (мектеп, балабақша)', 'Образование (школы, детсады)'],
  ['telecom', 'Байланыс және интернет', 'Связь и интернет'],
  ['transport', 'Көлік', 'Транспорт'],
  ['culture', 'Мәдениет және спорт', 'Культура и спорт'],
  ['safety', 'Қоғамдық қауіпсіздік', 'Общественная безопасность'],
  ['ecology', 'Экология, қаңғыбас жануарлар', 'Экология, бродячие животные'],
  ['business', 'Кәсіпкерлік', 'Предпринимательство'],
  ['other', 'Басқа', 'Прочее'],
];
