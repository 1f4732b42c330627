-- 志愿者 (sql/011): what each program may do with the volunteers' tables.
-- The public reads the call, submits applications (and sees of them only
-- what the status page, the check-in and the certificate need), records
-- QR check-ins and check-outs, and reads the published star list.
GRANT SELECT ON portal.volunteer_call TO 'portal_public'@'localhost';
GRANT INSERT ON portal.volunteer_applications TO 'portal_public'@'localhost';
GRANT SELECT (id, application_no, name, sex, open_id_number, mobile, services, status,
              interview_at, interview_place, training_sessions, exam_score, reason,
              active_since, created_at)
      ON portal.volunteer_applications TO 'portal_public'@'localhost';
GRANT SELECT ON portal.volunteer_points TO 'portal_public'@'localhost';
GRANT SELECT, INSERT ON portal.volunteer_shifts TO 'portal_public'@'localhost';
GRANT UPDATE (ended_at, minutes) ON portal.volunteer_shifts TO 'portal_public'@'localhost';
GRANT SELECT ON portal.public_volunteer_stars TO 'portal_public'@'localhost';

-- The coordinator's office: everything of the volunteers' tables but
-- deleting applications.
GRANT SELECT, UPDATE ON portal.volunteer_call TO 'portal_office'@'localhost';
GRANT SELECT, UPDATE ON portal.volunteer_applications TO 'portal_office'@'localhost';
GRANT SELECT ON portal.volunteer_points TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.volunteer_shifts TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.volunteer_evaluations TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.volunteer_stars TO 'portal_office'@'localhost';
