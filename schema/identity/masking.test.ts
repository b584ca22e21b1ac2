import { maskName, maskPhone } from './masking';

describe('masking personal data', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps the area code and the last four digits of a landline', () => {
    expect(maskPhone('0550-1234567')).toBe('0550-***4567');
    expect(maskPhone('05501234567')).toBe('0550-***4567');
  });
  it('keeps only the first character of a name', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('Li')).toBe('L*');
  });
});
