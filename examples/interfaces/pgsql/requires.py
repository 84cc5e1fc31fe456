# Client side of interface:pgsql.
#
# peers.py is a symlink to this file: clustered clients use the same
# conversation with the database over a peer endpoint, so the role is taken
# from the name this module was loaded under.
from charmhelpers.core import hookenv
from charms.reactive import RelationBase, hook, scopes

from .pgsql_helpers import conninfo

ROLE = 'peers' if __name__.rsplit('.', 1)[-1] == 'peers' else 'requires'


class PostgreSQLClient(RelationBase):
    scope = scopes.GLOBAL

    @hook('{%s:pgsql}-relation-joined' % ROLE)
    def joined(self):
        self.set_state('{relation_name}.connected')

    @hook('{%s:pgsql}-relation-changed' % ROLE)
    def changed(self):
        if self._allowed() and self.get_remote('master'):
            self.set_state('{relation_name}.database.available')
        else:
            self.remove_state('{relation_name}.database.available')

    @hook('{%s:pgsql}-relation-departed' % ROLE)
    def departed(self):
        # The server may list us again from a remaining unit; until it does,
        # the old credentials must not be used.
        if not self._allowed():
            self.remove_state('{relation_name}.database.available')

    @hook('{%s:pgsql}-relation-broken' % ROLE)
    def broken(self):
        self.remove_state('{relation_name}.connected')
        self.remove_state('{relation_name}.database.available')
        self.conversation().depart()

    def change_database_name(self, database, roles=()):
        self.set_remote(database=database, roles=','.join(roles))

    def master(self):
        """The primary's conninfo as a dict, or None."""
        raw = self.get_remote('master')
        return conninfo.parse(raw) if raw else None

    def standbys(self):
        raw = self.get_remote('standbys') or ''
        return [conninfo.parse(line) for line in raw.splitlines() if line.strip()]

    def _allowed(self):
        allowed = (self.get_remote('allowed-units') or '').split()
        return hookenv.local_unit() in allowed
