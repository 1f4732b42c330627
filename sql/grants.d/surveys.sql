-- Surveys (sql/012) and complaints (sql/017).  Applied after sql/grants.sql
-- on every start (which revoked everything first).

-- the public program: reads surveys and their questions, spends an
-- invitation, stores a response, its answers and its running statistics;
-- never reads a response or an answer
GRANT SELECT ON portal.surveys TO 'portal_public'@'localhost';
GRANT UPDATE (responses) ON portal.surveys TO 'portal_public'@'localhost';
GRANT SELECT ON portal.survey_questions TO 'portal_public'@'localhost';
GRANT SELECT (id, survey_id, token_hash, booking_id, department_id, used_at, expires_at)
      ON portal.survey_invitations TO 'portal_public'@'localhost';
GRANT UPDATE (used_at) ON portal.survey_invitations TO 'portal_public'@'localhost';
GRANT INSERT ON portal.survey_responses TO 'portal_public'@'localhost';
GRANT INSERT ON portal.survey_answers TO 'portal_public'@'localhost';
GRANT INSERT ON portal.survey_texts TO 'portal_public'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.survey_stats TO 'portal_public'@'localhost';

-- complaints: the public files them and reads its own by number + mobile;
-- reads the published service-star list
GRANT SELECT, INSERT ON portal.complaints TO 'portal_public'@'localhost';
GRANT SELECT, INSERT ON portal.complaint_steps TO 'portal_public'@'localhost';
GRANT SELECT ON portal.star_lists TO 'portal_public'@'localhost';
GRANT SELECT ON portal.star_entries TO 'portal_public'@'localhost';

-- the office program: defines surveys (new versions; a question deleted
-- only from a version without answers), invitations (check-in, ward
-- batches), phone follow-ups and the results
GRANT SELECT, INSERT, UPDATE ON portal.surveys TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, DELETE ON portal.survey_questions TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.survey_invitations TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.survey_invite_mobiles TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.survey_responses TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.survey_answers TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.survey_texts TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.survey_stats TO 'portal_office'@'localhost';

GRANT SELECT ON portal.complaints TO 'portal_office'@'localhost';
GRANT UPDATE (status, assigned_department_id, reply, acknowledged_at, replied_at, closed_at)
      ON portal.complaints TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.complaint_steps TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.star_lists TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.star_entries TO 'portal_office'@'localhost';
