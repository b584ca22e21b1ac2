// npm run test:galera: the suites that exercise concurrency and delivery, against the 3-node cluster
// (TEST_DATABASE_URL lists its nodes), and the node-loss fault test (*.galera.ts, which `npm test` never picks up).
const path = require('node:path');
const base = require('../../jest.config');

module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: [
    '<rootDir>/tests/e2e/lifecycle-paths.test.ts',
    '<rootDir>/tests/e2e/concurrency.test.ts',
    '<rootDir>/tests/e2e/lifecycle-safety.test.ts',
    '<rootDir>/tests/e2e/audit-delivery.test.ts',
    '<rootDir>/tests/galera/**/*.galera.ts',
  ],
};
