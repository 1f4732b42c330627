-- 005: the sender records no-shows every minute (bookings still 'booked'
-- after their slot ended) and the desk lists today's bookings; both look
-- bookings up by status and day, which this index serves without a scan.
ALTER TABLE bookings ADD KEY by_status_and_day (status, session_date);
