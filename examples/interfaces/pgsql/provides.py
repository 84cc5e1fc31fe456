# Server side of interface:pgsql.
from charmhelpers.core import hookenv
from charms.reactive import RelationBase, hook, scopes

from .pgsql_helpers import conninfo


class PostgreSQLServer(RelationBase):
    # One conversation per client application: all its units share a database.
    scope = scopes.SERVICE

    @hook('{provides:pgsql}-relation-{joined,changed}')
    def changed(self):
        conv = self.conversation()
        if conv.get_remote('database'):
            conv.set_state('{relation_name}.database.requested')

    @hook('{provides:pgsql}-relation-departed')
    def departed(self):
        conv = self.conversation()
        hookenv.log('pgsql: {} left {}'.format(hookenv.remote_unit(), conv.scope))

    @hook('{provides:pgsql}-relation-broken')
    def broken(self):
        conv = self.conversation()
        conv.remove_state('{relation_name}.database.requested')
        conv.depart()

    def requested_databases(self):
        """Yield (service, database, roles) for every client waiting."""
        for conv in self.conversations():
            database = conv.get_remote('database')
            if database:
                roles = (conv.get_remote('roles') or '').split(',')
                yield conv.scope, database, [r for r in roles if r]

    def provide_database(self, service, host, port, database, user, password,
                         allowed_units, standbys=()):
        conv = self.conversation(scope=service)
        master = conninfo.format(host=host, port=port, dbname=database,
                                 user=user, password=password)
        conv.set_remote(
            master=master,
            standbys='\n'.join(
                conninfo.format(host=h, port=port, dbname=database,
                                user=user, password=password)
                for h in standbys),
            database=database,
            user=user,
            password=password,
            host=host,
            port=str(port),
            **{'allowed-units': ' '.join(sorted(allowed_units))})
        conv.remove_state('{relation_name}.database.requested')
