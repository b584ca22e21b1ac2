# Sourced (not executed: keep it without the x bit) by the MariaDB image's entrypoint on the first start of an empty
# data volume, so docker_process_sql and docker_sql_escape_string_literal are at hand. A shell script rather than
# a .sql file because SQL cannot read the environment, and the passwords must not be written into the repository.
#
# Two accounts, both limited to the hotline_* databases (hotline_intake, hotline_water, …, hotline_registry, and a
# department's hotline_<code> added later):
#   hotline_migrate  DDL: creates the databases and changes tables; used only by the migrate one-shot
#   hotline_app      DML: reads and writes rows; what every running service connects with (MIGRATE_ON_START=false)
# The values come from .env.production.db (npm run env:generate).

: "${HOTLINE_DDL_PASSWORD:?set HOTLINE_DDL_PASSWORD (npm run env:generate writes it)}"
: "${HOTLINE_DML_PASSWORD:?set HOTLINE_DML_PASSWORD (npm run env:generate writes it)}"

hotline_ddl_password=$(docker_sql_escape_string_literal "$HOTLINE_DDL_PASSWORD")
hotline_dml_password=$(docker_sql_escape_string_literal "$HOTLINE_DML_PASSWORD")

docker_process_sql <<SQL
CREATE USER IF NOT EXISTS 'hotline_migrate'@'%' IDENTIFIED BY '${hotline_ddl_password}';
-- ALL on the pattern includes CREATE (of the databases themselves), ALTER, INDEX, DROP and REFERENCES that
-- migrations need; nothing outside hotline_*, and no GRANT OPTION.
GRANT ALL PRIVILEGES ON \`hotline\\_%\`.* TO 'hotline_migrate'@'%';

CREATE USER IF NOT EXISTS 'hotline_app'@'%' IDENTIFIED BY '${hotline_dml_password}';
-- Rows only. SELECT … FOR UPDATE (ticket numbers, assignment locks) needs SELECT and UPDATE; GET_LOCK needs nothing.
GRANT SELECT, INSERT, UPDATE, DELETE ON \`hotline\\_%\`.* TO 'hotline_app'@'%';
SQL

unset hotline_ddl_password hotline_dml_password
