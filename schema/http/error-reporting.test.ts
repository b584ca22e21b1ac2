import { Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { BadInputError } from '../errors';
import { errorFormatter, errorLog } from './error-reporting';

/** A logger whose lines the test reads back. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

const typeDefs = 'type Query { broken: String, refused: String, unreachable: String, fine: String }';
const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
const resolvers = {
  Query: {
    broken: () => {
      throw new Error('SELECT failed near secret_table');
    },
    refused: () => {
      throw new BadInputError('the phone number is not valid', 'phone');
    },
    unreachable: () => {
      throw unreachable;
    },
    fine: () => 'ok',
  },
};

async function run(query: string, requestId: string) {
  const { logger, lines } = capturedLogger();
  const server = new ApolloServer<{ requestId: string }>({ typeDefs, resolvers, formatError: errorFormatter('water'), plugins: [errorLog(logger)] });
  await server.start();
  try {
    const response = await server.executeOperation({ query }, { contextValue: { requestId } });
    return { body: response.body.kind === 'single' ? response.body.singleResult : null, lines };
  } finally {
    await server.stop();
  }
}

describe('what a client sees of an error and what the log keeps', () => {
  it('masks an internal error for the client and logs its cause once, with the request id', async () => {
    const { body, lines } = await run('{ broken fine }', 'req-internal-1');
    expect(body?.errors).toEqual([{ message: 'Internal server error', path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(body?.data).toEqual({ broken: null, fine: 'ok' });
    const logged = lines.filter((line) => line.msg === 'internal error (masked)');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ requestId: 'req-internal-1', path: ['broken'], code: 'INTERNAL_SERVER_ERROR', err: { message: 'SELECT failed near secret_table' } });
  });

  it('passes a public error on and does not log it', async () => {
    const { body, lines } = await run('{ refused }', 'req-public-1');
    expect(body?.errors?.[0]).toMatchObject({ message: 'the phone number is not valid', extensions: { code: 'BAD_USER_INPUT' } });
    expect(lines.filter((line) => line.level === 40 || line.level === 50)).toEqual([]);
  });

  it('turns an unreachable database into SERVICE_UNAVAILABLE and logs it as a warning with the request id', async () => {
    const { body, lines } = await run('{ unreachable }', 'req-outage-1');
    expect(body?.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true, service: 'water' });
    expect(JSON.stringify(body)).not.toContain('3306');
    expect(lines.filter((line) => line.msg === 'database unavailable')).toEqual([expect.objectContaining({ requestId: 'req-outage-1', level: 40 })]);
    expect(lines.some((line) => line.msg === 'internal error (masked)')).toBe(false);
  });
});
