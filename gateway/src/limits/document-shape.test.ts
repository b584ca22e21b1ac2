import { parse } from 'graphql';
import { operationShapes } from './document-shape';

const shapeOf = (text: string, name: string | null = null) => operationShapes(parse(text)).get(name);

describe('operationShapes', () => {
  it('counts fields, aliases and directives through fragments, once per use', () => {
    const shape = shapeOf(`
      query Page($full: Boolean!) @cached {
        a: tickets { nodes { ...Row } }
        b: tickets { nodes { ...Row @include(if: $full) } }
      }
      fragment Row on Ticket { id first: number @skip(if: false) category { code } }`, 'Page');
    // per use of Row: id, number, category, code (4 fields, 1 alias, 1 directive)
    expect(shape).toEqual({ depth: 4, fields: 2 * (2 + 4), aliases: 2 + 2, directives: 1 + 1 + 2 });
  });

  it('measures a chain of fragments that doubles at each link by its length, not its expansion', () => {
    const links = 40;
    const fragments = Array.from({ length: links }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const shape = shapeOf(`{ ...F0 }\n${fragments}\nfragment F${links} on Query { departments { code } }`);
    expect(shape?.fields).toBe(2 ** links * 2);
    expect(shape?.depth).toBe(2);
  });

  it('saturates counts too big to be exact instead of overflowing', () => {
    const fragments = Array.from({ length: 300 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const shape = shapeOf(`{ ...F0 }\n${fragments}\nfragment F300 on Query { a: departments { code } }`);
    expect(shape?.fields).toBe(Number.MAX_SAFE_INTEGER);
    expect(shape?.aliases).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('leaves the depth of introspection to its fixed shape', () => {
    expect(shapeOf('{ __schema { types { fields { type { ofType { ofType { name } } } } } } departments { code } }')?.depth).toBe(2);
  });

  it('survives fragments that spread themselves, which validation refuses afterwards', () => {
    expect(shapeOf('{ ...A } fragment A on Query { departments { code } ...B } fragment B on Query { ...A }')).toEqual({ depth: 2, fields: 2, aliases: 0, directives: 0 });
  });
});
