package vn.loa.server.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as the rest of the server sees it: every connection and statement it hands out reports
 * storage faults to {@link StorageHealth}, wherever the SQL was written (journal, alerts, Quartz).
 * One place sees every failure, so health cannot say UP while writes fail, and a fault is named the
 * same way whichever code met it.
 */
public final class ObservedDataSource implements DataSource {
    private final DataSource pool;
    private final StorageHealth health;

    ObservedDataSource(DataSource pool, StorageHealth health) {
        this.pool = pool;
        this.health = health;
    }

    public StorageHealth health() {
        return health;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return observe(Connection.class, pool.getConnection());
        } catch (SQLException e) {
            throw health.failed(e);
        }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool has its own credentials");
    }

    private <T> T observe(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private Object invoke(Object target, Method method, Object[] args) throws Throwable {
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof SQLException q ? health.failed(q) : e.getCause();
        }
        // Statements too, since most failures surface on execute and commit.
        if (result instanceof Statement s && method.getReturnType().isInterface()
                && Statement.class.isAssignableFrom(method.getReturnType())) {
            return observe(statementType(method.getReturnType()), s);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Class<Statement> statementType(Class<?> returned) {
        return (Class<Statement>) returned;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
