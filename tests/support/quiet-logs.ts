// In-process tests run every service in jest's process: their JSON lines would bury the test report.
// Tests that read logs start real processes, which get their own LOG_LEVEL.
process.env.LOG_LEVEL ??= 'silent';
