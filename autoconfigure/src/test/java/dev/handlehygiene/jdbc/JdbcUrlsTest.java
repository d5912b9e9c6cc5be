package dev.handlehygiene.jdbc;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.jdbc.JdbcUrls.Address;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTest {

	@Test
	void readsTheHostAndPortOfTheCommonDrivers() {
		assertThat(JdbcUrls.addresses("jdbc:postgresql://db.internal:6432/orders?ssl=true"))
			.containsExactly(new Address("db.internal", 6432));
		assertThat(JdbcUrls.addresses("jdbc:sqlserver://10.0.0.7:1444;databaseName=orders"))
			.containsExactly(new Address("10.0.0.7", 1444));
		assertThat(JdbcUrls.addresses("jdbc:h2:tcp://localhost:9092/mem:orders"))
			.containsExactly(new Address("localhost", 9092));
		assertThat(JdbcUrls.addresses("jdbc:mariadb://[::1]:3307/orders")).containsExactly(new Address("::1", 3307));
	}

	@Test
	void aPortLeftOutIsTheDriversDefault() {
		assertThat(JdbcUrls.addresses("jdbc:postgresql://db/orders")).containsExactly(new Address("db", 5432));
		assertThat(JdbcUrls.addresses("jdbc:mysql://db/orders")).containsExactly(new Address("db", 3306));
		assertThat(JdbcUrls.addresses("jdbc:unknown://db/orders")).as("no known default").isEmpty();
	}

	@Test
	void readsEveryHostOfAFailoverListAndSkipsCredentials() {
		assertThat(JdbcUrls.addresses("jdbc:postgresql://primary:5432,replica:5433/orders"))
			.containsExactly(new Address("primary", 5432), new Address("replica", 5433));
		assertThat(JdbcUrls.addresses("jdbc:mysql://app:secret@db:3306/orders"))
			.containsExactly(new Address("db", 3306));
	}

	@Test
	void readsOraclesThinFormsAndDescriptors() {
		assertThat(JdbcUrls.addresses("jdbc:oracle:thin:@dbhost:1522:ORCL"))
			.containsExactly(new Address("dbhost", 1522));
		assertThat(JdbcUrls.addresses("jdbc:oracle:thin:@//dbhost:1523/service"))
			.containsExactly(new Address("dbhost", 1523));
		assertThat(JdbcUrls.addresses(
				"jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db1)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=x)))"))
			.containsExactly(new Address("db1", 1521));
	}

	@Test
	void anEmbeddedDatabaseOrNoUrlHasNoAddress() {
		assertThat(JdbcUrls.addresses("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1")).isEmpty();
		assertThat(JdbcUrls.addresses("jdbc:h2:file:/var/data/orders")).isEmpty();
		assertThat(JdbcUrls.addresses(null)).isEmpty();
		assertThat(JdbcUrls.addresses("not a url")).isEmpty();
	}

}
