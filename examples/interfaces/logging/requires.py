# Client side of interface:logging. There is no provides.py: the
# collectors implementing the other side are not reactive charms.
from charmhelpers.core import hookenv
from charms.reactive import RelationBase, hook, scopes

PROTOCOLS = ('udp', 'tcp', 'relp')


class LoggingRequires(RelationBase):
    # Every collector unit is a separate target.
    scope = scopes.UNIT

    @hook('{requires:logging}-relation-joined')
    def joined(self):
        conv = self.conversation()
        conv.set_state('{relation_name}.connected')
        hookenv.log('logging: collector {} joined'.format(hookenv.remote_unit()))

    @hook('{requires:logging}-relation-changed')
    def changed(self):
        conv = self.conversation()
        if conv.get_remote('host') and conv.get_remote('port'):
            conv.set_state('{relation_name}.available')

    @hook('{requires:logging}-relation-{departed,broken}')
    def gone(self):
        conv = self.conversation()
        conv.remove_state('{relation_name}.available')
        conv.remove_state('{relation_name}.connected')
        conv.depart()

    def endpoints(self):
        """[{'host', 'port', 'protocol'}] for every collector unit ready."""
        targets = []
        for conv in self.conversations():
            host, port = conv.get_remote('host'), conv.get_remote('port')
            if not (host and port):
                continue
            protocol = conv.get_remote('protocol')
            targets.append({'host': host,
                            'port': int(port),
                            'protocol': protocol if protocol in PROTOCOLS else 'udp'})
        return sorted(targets, key=lambda t: (t['host'], t['port']))
