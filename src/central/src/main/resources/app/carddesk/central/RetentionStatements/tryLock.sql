-- PostgreSQL only: the advisory lock that lets one central instance of several run the job.
SELECT pg_try_advisory_lock(:key)
