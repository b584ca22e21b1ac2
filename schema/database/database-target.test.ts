import { databaseTarget, describeTarget } from './database-target';

const CLUSTER = 'mysql://app:s%40cret@db1:3306,db2:3307,db3/hotline';

describe('databaseTarget', () => {
  it('reads one server as before: its host, port, user, password and the subgraph database', () => {
    expect(databaseTarget('water', { databaseUrl: 'mysql://root@127.0.0.1:3306/city', dataDir: '.' })).toMatchObject({
      kind: 'mysql',
      host: '127.0.0.1',
      port: 3306,
      nodes: [{ host: '127.0.0.1', port: 3306 }],
      user: 'root',
      password: '',
      database: 'city_water',
    });
  });

  it('reads a list of cluster nodes with one user, password and prefix for all', () => {
    const target = databaseTarget('intake', { databaseUrl: CLUSTER, dataDir: '.' });
    expect(target).toMatchObject({ user: 'app', password: 's@cret', database: 'hotline_intake' });
    expect(target.kind === 'mysql' && target.nodes).toEqual([
      { host: 'db1', port: 3306 },
      { host: 'db2', port: 3307 },
      { host: 'db3', port: 3306 },
    ]);
  });

  it('spreads services over the nodes, each with the others after its own as fallbacks', () => {
    const first = (name: string) => {
      const target = databaseTarget(name, { databaseUrl: CLUSTER, dataDir: '.' });
      return target.kind === 'mysql' ? target.nodes.map((node) => node.host) : [];
    };
    expect(first('intake')).toEqual(['db1', 'db2', 'db3']);
    expect(first('audit')).toEqual(['db2', 'db3', 'db1']);
    expect(first('streetlight')).toEqual(['db3', 'db1', 'db2']);
  });

  it('takes the node a deployment chose, and refuses one that is not listed', () => {
    const target = databaseTarget('intake', { databaseUrl: CLUSTER, dataDir: '.', firstNode: 3 });
    expect(target.kind === 'mysql' && target.host).toBe('db3');
    expect(() => databaseTarget('intake', { databaseUrl: CLUSTER, dataDir: '.', firstNode: 4 })).toThrow('database node 4 is not one of the 3 listed');
  });

  it('names every node and no password in logs', () => {
    expect(describeTarget(databaseTarget('audit', { databaseUrl: CLUSTER, dataDir: '.' }))).toBe('mysql://app@db2:3307,db3:3306,db1:3306/hotline_audit');
  });
});
