/** Unit tests sit beside the code (`*.test.ts`); end-to-end tests under tests/ start the real stack. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/{gateway,subgraphs,registry,schema,seeds,tests}/**/*.test.ts'],
  setupFiles: ['reflect-metadata', '<rootDir>/tests/support/quiet-logs.ts'],
  testTimeout: 60000,
};
