/** `13812345678` → `138****5678`; a landline keeps its area code and last four digits. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const landline = /^(0\d{2,3})-?(\d+)(\d{4})$/.exec(phone);
  if (landline) return `${landline[1]}-${'*'.repeat(landline[2].length)}${landline[3]}`;
  return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : '****';
}

/** `张伟` → `张*`, `欧阳娜娜` → `欧***`: the surname's first character stays, so a caller can still be addressed. */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  return characters.length <= 1 ? '*' : `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}
