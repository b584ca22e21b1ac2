import type { TableColumnOptions } from 'typeorm';

/**
 * Column shapes for migrations written with TypeORM's Table API, so one
 * migration runs on MySQL/MariaDB and on the embedded SQLite alike.
 */
export const column = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
  string: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  time: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable }),
  double: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'double', isNullable: nullable }),
  int: (name: string, defaultValue?: number): TableColumnOptions => ({
    name,
    type: 'int',
    isNullable: defaultValue === undefined,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
  }),
  boolean: (name: string, defaultValue = false): TableColumnOptions => ({ name, type: 'boolean', default: defaultValue }),
};
