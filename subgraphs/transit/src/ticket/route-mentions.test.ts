import { routeMentions } from './route-mentions';

describe('routeMentions', () => {
  it.each([
    ['12路公交车迟迟不来', ['12']],
    ['K1路司机态度差', ['K1']],
    ['k2路空调坏了', ['K2']],
    ['1 路 在市政府站没有停', ['1']],
    ['１２路末班车提前发车', ['12']],
    ['Route 12 skipped my stop', ['12']],
    ['route K1 was late', ['K1']],
    ['bus 12 never came', ['12']],
    ['the No. 12 bus was full', ['12']],
    ['no 101 bus today', ['101']],
  ])('finds the route in %s', (text, codes) => {
    expect(routeMentions(text)).toEqual(codes);
  });

  it('lists each route once, in the order first named', () => {
    expect(routeMentions('1路公交车没有按时到站 Route 1 bus late，换乘3路也晚点, bus 3')).toEqual(['1', '3']);
  });

  it('ignores numbers that are not routes', () => {
    expect(routeMentions('南谯路12号门口的路灯不亮')).toEqual([]);
    expect(routeMentions('2号路口积水')).toEqual([]);
    expect(routeMentions('丰乐大道3路口红绿灯坏了')).toEqual([]);
    expect(routeMentions('waited for the bus 20 minutes')).toEqual([]);
    expect(routeMentions('5路段施工, 2023路')).toEqual([]);
    expect(routeMentions('')).toEqual([]);
  });

  it('does not read a route out of a longer code', () => {
    expect(routeMentions('BRT1路')).toEqual([]);
  });
});
