"""Connection helpers for charms that require interface:mysql.

mysql-connector-python is imported lazily so that the module can be loaded
(and the flags handled) before the wheelhouse is installed.
"""
from collections import namedtuple
from urllib.parse import quote


class ConnectionInfo(namedtuple('ConnectionInfo', 'host port database user password tls endpoints')):

    def url(self):
        """A SQLAlchemy-style URL, e.g. for an application config file."""
        return 'mysql+mysqlconnector://{}:{}@{}:{}/{}'.format(
            quote(self.user, safe=''), quote(self.password, safe=''),
            self.host, self.port, self.database)

    def candidates(self):
        """Every (host, port) to try, the primary first, without repeats."""
        seen, order = set(), []
        for pair in [(self.host, self.port)] + list(self.endpoints):
            if pair not in seen:
                seen.add(pair)
                order.append(pair)
        return order


def connect(info, timeout=10):
    """Open a connection to the first endpoint that answers."""
    import mysql.connector

    last_error = None
    for host, port in info.candidates():
        try:
            return mysql.connector.connect(
                host=host, port=port, user=info.user, password=info.password,
                database=info.database, connection_timeout=timeout,
                ssl_disabled=(info.tls == 'disabled'))
        except mysql.connector.Error as error:
            last_error = error
    raise last_error
