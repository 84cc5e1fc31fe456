"""Peer side of interface:cluster."""
from charmhelpers.core import hookenv
from charms.reactive import Endpoint, clear_flag, set_flag, when, when_not

STATES = ('joining', 'active', 'leaving')


class ClusterPeers(Endpoint):

    @when('endpoint.{endpoint_name}.joined')
    def joined(self):
        set_flag(self.expand_name('{endpoint_name}.joined'))
        relation = self.relations[0]
        if not relation.to_publish.get('address'):
            relation.to_publish['address'] = hookenv.ingress_address(
                relation.relation_id, hookenv.local_unit())
            relation.to_publish['state'] = 'joining'

    @when('endpoint.{endpoint_name}.changed')
    def changed(self):
        set_flag(self.expand_name('{endpoint_name}.changed'))
        if hookenv.is_leader():
            self.publish_members()
        clear_flag(self.expand_name('endpoint.{endpoint_name}.changed'))

    @when('endpoint.{endpoint_name}.departed')
    def departed(self):
        set_flag(self.expand_name('{endpoint_name}.departed'))
        if hookenv.is_leader():
            self.publish_members()
        self.all_departed_units.clear()
        clear_flag(self.expand_name('endpoint.{endpoint_name}.departed'))

    @when_not('endpoint.{endpoint_name}.joined')
    def broken(self):
        # The last peer left (or this unit is alone): nothing to cluster with.
        for flag in ('joined', 'changed', 'departed'):
            clear_flag(self.expand_name('{endpoint_name}.' + flag))

    def set_member_state(self, state):
        """Tell the peers what this unit is doing."""
        if state not in STATES:
            raise ValueError('unknown cluster state: {}'.format(state))
        for relation in self.relations:
            relation.to_publish['state'] = state

    def peers(self):
        """Every other unit, as {'unit', 'address', 'state'} dicts."""
        found = []
        for unit in self.all_joined_units:
            address = unit.received.get('address')
            if address:
                state = unit.received.get('state')
                found.append({'unit': unit.unit_name,
                              'address': address,
                              'state': state if state in STATES else 'UNKNOWN'})
        return sorted(found, key=lambda p: p['unit'])

    def members(self):
        """The member list the leader published (empty until it has)."""
        for relation in self.relations:
            return relation.received_app.get('members') or []
        return []

    def publish_members(self):
        """Leader only: publish this unit and every active or joining peer."""
        if not self.relations:
            return
        relation = self.relations[0]
        members = [{'unit': hookenv.local_unit(),
                    'address': relation.to_publish.get('address')}]
        members += [{'unit': p['unit'], 'address': p['address']}
                    for p in self.peers() if p['state'] != 'leaving']
        relation.to_publish_app['members'] = members
