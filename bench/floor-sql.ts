// The floor: hand-written SQL, one statement per request, the whole JSON answer built in
// PostgreSQL. Same shape and field names as the hub's answer ({"data": ...}), same order of
// nested lists as the hub's resolvers, so the comparison needs no renaming.

const day = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const documents = (personId: string, fields: string[]) =>
  `COALESCE((SELECT json_agg(json_build_object(${fields.map((f) => `'${f}', d."${f}"`).join(", ")}) ORDER BY d.type, d."createdAt", d.id)
     FROM "IdentityDocument" d WHERE d."personId" = ${personId}), '[]'::json)`;

/** GET /case?id= : a case's full picture. */
export const CASE_SQL = `
SELECT json_build_object('data', json_build_object('case', (
  SELECT json_build_object(
    'id', c.id, 'title', c.title, 'status', c.status, 'modus', c.modus, 'exploitationTypes', c."exploitationTypes",
    'destinationCountry', c."destinationCountry", 'identifiedAt', ${day('c."identifiedAt"')},
    'originRegion', (SELECT json_build_object('code', r.code, 'name', r.name) FROM "Region" r WHERE r.code = c."originRegionCode"),
    'participants', COALESCE((
      SELECT json_agg(json_build_object(
        'id', p.id, 'role', p.role, 'isChild', p."isChild", 'ageAtExploitation', p."ageAtExploitation",
        'person', (SELECT json_build_object('id', pe.id, 'fullName', pe."fullName", 'birthDate', ${day('pe."birthDate"')}, 'sex', pe.sex,
                     'documents', ${documents("pe.id", ["type", "number"])})
                   FROM "Person" pe WHERE pe.id = p."personId")
      ) ORDER BY p."contributedAt", p.id)
      FROM "CaseParticipant" p WHERE p."caseId" = c.id), '[]'::json),
    'placements', COALESCE((
      SELECT json_agg(json_build_object('id', m.id, 'destinationCountry', m."destinationCountry", 'procedural', m.procedural,
        'p3mi', (SELECT json_build_object('name', o.name) FROM "Organization" o WHERE o.id = m."p3miId")))
      FROM "MigrantPlacement" m WHERE m."caseId" = c.id), '[]'::json),
    'referrals', COALESCE((
      SELECT json_agg(json_build_object('id', s.id, 'serviceType', s."serviceType", 'status', s.status,
        'toOrganization', (SELECT json_build_object('name', o.name) FROM "Organization" o WHERE o.id = s."toOrganizationId")))
      FROM "ServiceReferral" s WHERE s."caseId" = c.id), '[]'::json),
    'proceedings', COALESCE((
      SELECT json_agg(json_build_object('id', l.id, 'stage', l.stage, 'stageDate', ${day('l."stageDate"')}))
      FROM "LegalProceeding" l WHERE l."caseId" = c.id), '[]'::json)
  ) FROM "Case" c WHERE c.id = $1)))::text AS body`;

/** GET /cases?region= : 50 cases of a region (and everything under it), newest first, with victims and their documents. */
export const CASE_PAGE_SQL = `
SELECT json_build_object('data', json_build_object('cases', COALESCE(json_agg(json_build_object(
    'id', c.id, 'status', c.status, 'identifiedAt', ${day('c."identifiedAt"')}, 'destinationCountry', c."destinationCountry",
    'victims', COALESCE((
      SELECT json_agg(json_build_object('id', p.id, 'ageAtExploitation', p."ageAtExploitation",
        'person', (SELECT json_build_object('id', pe.id, 'fullName', pe."fullName", 'documents', ${documents("pe.id", ["type", "number"])})
                   FROM "Person" pe WHERE pe.id = p."personId")) ORDER BY p."contributedAt", p.id)
      FROM "CaseParticipant" p WHERE p."caseId" = c.id AND p.role = 'VICTIM'), '[]'::json)
  ) ORDER BY c."identifiedAt" DESC NULLS LAST, c.id), '[]'::json)))::text AS body
FROM (SELECT * FROM "Case"
      -- the region or anything under it, as two index range scans ('/' follows '.'; collation C)
      WHERE "originRegionCode" = $1 OR ("originRegionCode" > $1 || '.' AND "originRegionCode" < $1 || '/')
      ORDER BY "identifiedAt" DESC NULLS LAST, id LIMIT 50) c`;

/** GET /person?nik= : the persons holding a NIK. */
export const PERSON_BY_NIK_SQL = `
SELECT json_build_object('data', json_build_object('personsByDocument', COALESCE(json_agg(json_build_object(
    'id', pe.id, 'fullName', pe."fullName", 'birthDate', ${day('pe."birthDate"')}, 'sex', pe.sex,
    'documents', ${documents("pe.id", ["type", "number", "issuingCountry"])}) ORDER BY pe.id), '[]'::json)))::text AS body
FROM "Person" pe WHERE pe.id IN (SELECT "personId" FROM "IdentityDocument" WHERE type = 'NIK' AND number = $1)`;

export const FLOOR_ROUTES: Record<string, { sql: string; param: string }> = {
  "/case": { sql: CASE_SQL, param: "id" },
  "/cases": { sql: CASE_PAGE_SQL, param: "region" },
  "/person": { sql: PERSON_BY_NIK_SQL, param: "nik" },
};
