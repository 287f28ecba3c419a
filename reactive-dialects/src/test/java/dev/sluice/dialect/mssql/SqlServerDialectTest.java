package dev.sluice.dialect.mssql;

import dev.sluice.error.ValueTooLongException;
import dev.sluice.error.LockNotAvailableException;
import dev.sluice.error.BadSqlException;
import dev.sluice.error.UncategorizedDatabaseException;
import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.error.CheckViolationException;
import dev.sluice.Database;
import dev.sluice.error.DeadlockException;
import dev.sluice.error.ForeignKeyViolationException;
import dev.sluice.error.NotNullViolationException;
import dev.sluice.error.SerializationFailureException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.schema.Column;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.Bind;
import dev.sluice.sql.ColumnExpr;
import dev.sluice.sql.Comparison;
import dev.sluice.sql.CompareOp;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Param;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.UpdateQuery;
import dev.sluice.testing.QueryCatalogue;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared catalogue rendered by the SQL Server dialect: exact SQL and binds; DDL; errors. */
class SqlServerDialectTest {
  private final SqlServerDialect dialect = new SqlServerDialect();
  private final Database db = Database.builder().dialect(dialect).build();
  private static final String COLS = "SELECT [id], [name], [country_id], [popularity] FROM [cities]";

  @Test
  void pagesWithTopOrOffsetFetchAndAlwaysOrders() {
    assertThat(db.selectFrom(CITIES).limit(5).toSql(dialect).sql())
        .isEqualTo("SELECT TOP (@P0) [id], [name], [country_id], [popularity] FROM [cities]");
    RenderedSql top = db.select(CITIES.name).from(CITIES).distinct().where(eq(CITIES.id, 3)).limit(5)
        .toSql(dialect);
    assertThat(top.sql()).isEqualTo("SELECT DISTINCT TOP (@P0) [name] FROM [cities] WHERE [id] = @P1");
    assertThat(top.values()).containsExactly(5L, 3).as("TOP is bound first, as it is rendered first");
    assertThat(db.selectFrom(CITIES).offset(5).toSql(dialect).sql())
        .isEqualTo(COLS + " ORDER BY (SELECT NULL) OFFSET @P0 ROWS");
    assertThat(db.selectFrom(CITIES).limit(2).offset(5).toSql(dialect).sql())
        .isEqualTo(COLS + " ORDER BY (SELECT NULL) OFFSET @P0 ROWS FETCH NEXT @P1 ROWS ONLY");
  }

  @Test
  void emulatesTheNullsOrderingSqlServerLacks() {
    assertThat(db.selectFrom(CITIES).orderBy(asc(CITIES.name).nullsLast(), desc(CITIES.id).nullsFirst())
        .toSql(dialect).sql()).isEqualTo(COLS + " ORDER BY CASE WHEN [name] IS NULL THEN 1 ELSE 0 END,"
        + " [name], CASE WHEN [id] IS NULL THEN 0 ELSE 1 END, [id] DESC");
    assertThat(db.selectFrom(CITIES).orderBy(asc(CITIES.name).nullsFirst()).toSql(dialect).sql())
        .isEqualTo(COLS + " ORDER BY [name]");
  }

  @Test
  void placesOutputWhereTSqlWantsIt() {
    List<Column<?>> back = List.of(USERS.id, USERS.fullName);
    List<Column<?>> cols = List.of(USERS.fullName);
    List<List<Expr<?>>> rows = List.of(List.of(new Param<>("Dan", USERS.fullName.dataType())),
        List.of(new Param<>("Ann", USERS.fullName.dataType())));
    RenderedSql insert = dialect.render(new InsertQuery(USERS, cols, rows, back));
    assertThat(insert.sql()).isEqualTo("INSERT INTO [users] ([full_name]) OUTPUT INSERTED.[id],"
        + " INSERTED.[full_name] VALUES (@P0), (@P1)");
    assertThat(insert.values()).containsExactly("Dan", "Ann");
    assertThat(dialect.render(new InsertQuery(COUNTRIES, List.of(), List.of(), List.of(COUNTRIES.id))).sql())
        .isEqualTo("INSERT INTO [countries] OUTPUT INSERTED.[id] DEFAULT VALUES");
    var where = new Comparison(new ColumnExpr<>(USERS.id), CompareOp.EQ, new Param<>(7, USERS.id.dataType()));
    RenderedSql update = dialect.render(new UpdateQuery(USERS,
        List.of(new dev.sluice.sql.Assignment<>(USERS.fullName, new Param<>("X", USERS.fullName.dataType()))),
        where, back));
    assertThat(update.sql()).isEqualTo("UPDATE [users] SET [full_name] = @P0 OUTPUT INSERTED.[id],"
        + " INSERTED.[full_name] WHERE [id] = @P1");
    assertThat(update.values()).containsExactly("X", 7);
    assertThat(dialect.render(new DeleteQuery(USERS, where, back)).sql())
        .isEqualTo("DELETE FROM [users] OUTPUT DELETED.[id], DELETED.[full_name] WHERE [id] = @P0");
    var joined = new Comparison(new ColumnExpr<>(USERS.id), CompareOp.EQ, new ColumnExpr<>(COUNTRIES.id));
    RenderedSql updateFrom = dialect.render(new UpdateQuery(USERS,
        List.of(new dev.sluice.sql.Assignment<>(USERS.fullName, new ColumnExpr<>(COUNTRIES.name))),
        joined, back, List.of(COUNTRIES)));
    assertThat(updateFrom.sql()).isEqualTo("UPDATE [users] SET [full_name] = [countries].[name] OUTPUT"
        + " INSERTED.[id], INSERTED.[full_name] FROM [countries] WHERE [users].[id] = [countries].[id]");
  }

  @Test
  void rendersLocksAsTableHints() {
    dev.sluice.testing.Schema.Cities twin = CITIES.as("twin");
    assertThat(db.selectFrom(CITIES).join(twin).on(eq(CITIES.id, twin.id)).forUpdate().toSql(dialect).sql())
        .contains("FROM [cities] WITH (UPDLOCK, ROWLOCK) INNER JOIN [cities] AS [twin] WITH (UPDLOCK,"
            + " ROWLOCK) ON [cities].[id] = [twin].[id]");
  }

  @Test
  void quotesClosingBrackets() {
    assertThat(dialect.quote("a]b")).isEqualTo("[a]]b]");
  }

  @Test
  void rendersTheSeedsDdl() {
    assertThat(dialect.createTable(CITIES)).containsExactly(
        "IF OBJECT_ID(N'cities', N'U') IS NULL CREATE TABLE [cities] (\n  [id] INT IDENTITY(1,1) PRIMARY KEY,\n"
            + "  [name] NVARCHAR(256),\n  [country_id] INT,\n  [popularity] NVARCHAR(255) CHECK ([popularity]"
            + " IN (N'unknown', N'known', N'popular')),\n  CONSTRAINT [cities_country_id_fkey] FOREIGN KEY"
            + " ([country_id]) REFERENCES [countries] ([id])\n)");
    assertThat(dialect.createTable(KITCHENS)).containsExactly(
        "IF OBJECT_ID(N'kitchens', N'U') IS NULL CREATE TABLE [kitchens] (\n  [id] BIGINT IDENTITY(1,1) PRIMARY KEY,\n"
            + "  [small] SMALLINT,\n  [medium] INT,\n  [big] BIGINT,\n  [flag] BIT,\n  [code] NCHAR(3),\n"
            + "  [body] NVARCHAR(MAX),\n  [amount] DECIMAL(12, 2),\n  [ratio] REAL,\n  [score] FLOAT,\n"
            + "  [day] DATE,\n  [clock] TIME,\n  [stamp] DATETIME2,\n  [stamp_tz] DATETIMEOFFSET,\n"
            + "  [uid] UNIQUEIDENTIFIER,\n  [doc] NVARCHAR(MAX),\n  [payload] VARBINARY(MAX),\n"
            + "  [popularity] NVARCHAR(255) CHECK ([popularity] IN (N'unknown', N'known', N'popular')),\n"
            + "  [price] BIGINT\n)");
    assertThat(dialect.createTable(MEMBERSHIPS)).containsExactly(
        "IF OBJECT_ID(N'memberships', N'U') IS NULL CREATE TABLE [memberships] (\n  [user_id] INT NOT NULL,\n"
            + "  [group_id] INT NOT NULL,\n  PRIMARY KEY ([user_id], [group_id]),\n"
            + "  CONSTRAINT [memberships_user_id_fkey] FOREIGN KEY ([user_id]) REFERENCES [users] ([id])"
            + " ON DELETE CASCADE,\n  CONSTRAINT [memberships_group_id_fkey] FOREIGN KEY ([group_id])"
            + " REFERENCES [chat_groups] ([id]) ON DELETE CASCADE\n)");
    assertThat(dialect.createTable(CHAT_GROUPS).get(0)).as("length( is LEN( in T-SQL")
        .contains("[name] NVARCHAR(256) NOT NULL CHECK (LEN(name) > 0)");
    assertThat(dialect.createTable(USERS)).last().isEqualTo("IF NOT EXISTS (SELECT 1 FROM sys.indexes"
        + " WHERE name = N'users_full_name_index' AND object_id = OBJECT_ID(N'users'))"
        + " CREATE INDEX [users_full_name_index] ON [users] ([full_name])");
    assertThat(dialect.createTable(COUNTRIES)).last().asString().contains("CREATE UNIQUE INDEX");
    assertThat(dialect.dropTable(CITIES)).containsExactly("DROP TABLE IF EXISTS [cities]");
  }

  private static final RenderedSql FAILED = new RenderedSql("INSERT INTO [users] ([email]) VALUES (@P0)",
      List.of(new Bind("same@x.io", String.class)));

  private SluiceException translate(int number, String message) {
    return dialect.translate(new R2dbcDataIntegrityViolationException(message, "23000", number), FAILED, false);
  }

  @Test
  void classifiesErrorsBySqlServerNumber() {
    SluiceException unique = translate(2627, "Violation of UNIQUE KEY constraint 'UQ__users__AB6E6164'."
        + " Cannot insert duplicate key in object 'dbo.users'. The duplicate key value is (same@x.io).");
    assertThat(unique).isInstanceOf(UniqueViolationException.class);
    assertThat(unique.getMessage()).contains("UQ__users__AB6E6164", "on table users", "(redacted)")
        .doesNotContain("same@x.io");
    assertThat(translate(2601, "Cannot insert duplicate key row in object 'dbo.countries' with unique index"
        + " 'countries_name_index'. The duplicate key value is (Peru).")).isInstanceOf(UniqueViolationException.class)
        .hasMessageContaining("constraint countries_name_index").hasMessageNotContaining("Peru");
    assertThat(dialect.translate(new R2dbcDataIntegrityViolationException("Violation of PRIMARY KEY constraint"
        + " 'PK_x'. Cannot insert duplicate key in object 'dbo.t'. The duplicate key value is (1).", "23000", 2627),
        FAILED, true).getMessage()).as("revealed on request").contains("value is (1)");
    SluiceException fk = translate(547, "The INSERT statement conflicted with the FOREIGN KEY constraint"
        + " \"cities_country_id_fkey\". The conflict occurred in database \"test\", table \"dbo.countries\","
        + " column 'id'.");
    assertThat(fk).isInstanceOf(ForeignKeyViolationException.class)
        .hasMessageContaining("constraint cities_country_id_fkey");
    assertThat(translate(547, "The DELETE statement conflicted with the REFERENCE constraint \"fk\"."))
        .isInstanceOf(ForeignKeyViolationException.class);
    SluiceException check = translate(547, "The INSERT statement conflicted with the CHECK constraint"
        + " \"CK__chat_grou__name__1234\". The conflict occurred in database \"test\", table"
        + " \"dbo.chat_groups\", column 'name'.");
    assertThat(check).isInstanceOf(CheckViolationException.class)
        .hasMessageContaining("on table chat_groups, column name (constraint CK__chat_grou__name__1234)");
    assertThat(translate(515, "Cannot insert the value NULL into column 'full_name', table 'test.dbo.users';"
        + " column does not allow nulls. INSERT fails.")).isInstanceOf(NotNullViolationException.class)
        .hasMessageContaining("on table users, column full_name");
    assertThat(dialect.translate(new R2dbcTransientResourceException("Transaction (Process ID 52) was"
        + " deadlocked on lock resources with another process", "40001", 1205), FAILED, false))
        .isInstanceOf(DeadlockException.class);
    assertThat(dialect.translate(new R2dbcTransientResourceException("Snapshot isolation transaction aborted"
        + " due to update conflict.", "S0005", 3960), FAILED, false)).isInstanceOf(SerializationFailureException.class);
    assertThat(translate(8152, "String or binary data would be truncated.")).isInstanceOf(ValueTooLongException.class);
    assertThat(translate(1222, "Lock request time out period exceeded.")).isInstanceOf(LockNotAvailableException.class);
    assertThat(translate(208, "Invalid object name 'nope'.")).isInstanceOf(BadSqlException.class);
    assertThat(dialect.translate(new io.r2dbc.spi.R2dbcNonTransientResourceException("something else", "S0001", 50000),
        FAILED, false)).isInstanceOf(UncategorizedDatabaseException.class);
  }

  @Test
  void isFoundByServiceLoaderFromDriverMetadata() {
    assertThat(Dialects.named("sqlserver")).isInstanceOf(SqlServerDialect.class);
    assertThat(Dialects.detect(() -> "Microsoft SQL Server")).isInstanceOf(SqlServerDialect.class);
  }
}
