import { sdlShape } from './sdl-shape';

describe('the shape of an SDL', () => {
  it('ignores layout, descriptions and the order of definitions and fields', () => {
    const served = '"A zone"\ntype Zone @key(fields: "id") {\n  id: ID!\n  "its name"\n  name: String!\n}\nenum Level { LOW HIGH }';
    const published = 'enum Level { HIGH LOW }\ntype Zone @key(fields: "id") { name: String! id: ID! }';
    expect(sdlShape(published)).toBe(sdlShape(served));
  });

  it('tells apart a field, a type or a directive the other does not have', () => {
    const served = 'type Zone @key(fields: "id") { id: ID! }';
    expect(sdlShape('type Zone @key(fields: "id") { id: ID! pressure: Float }')).not.toBe(sdlShape(served));
    expect(sdlShape('type Zone { id: ID! }')).not.toBe(sdlShape(served));
    expect(sdlShape(`${served}\ntype Extra { id: ID! }`)).not.toBe(sdlShape(served));
  });
});
