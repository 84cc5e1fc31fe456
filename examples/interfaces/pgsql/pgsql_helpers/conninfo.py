"""Parse and format libpq "keyword=value" connection strings.

    >>> format(host='10.0.0.7', port=5432, dbname='webapp', user='u1')
    'dbname=webapp host=10.0.0.7 port=5432 user=u1'
    >>> parse("host=db password='it''s secret'")['password']
    "it's secret"
"""


def _quote(value):
    value = str(value)
    if value and not any(c in value for c in " '\\"):
        return value
    return "'" + value.replace('\\', '\\\\').replace("'", "\\'") + "'"


def format(**params):
    """Keywords sorted, empty values left out, values quoted when needed."""
    return ' '.join('{}={}'.format(key, _quote(value))
                    for key, value in sorted(params.items())
                    if value not in (None, ''))


def parse(text):
    """The inverse of format(); raises ValueError on malformed input."""
    params, i, n = {}, 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if i == n:
            break
        eq = text.find('=', i)
        if eq < 0:
            raise ValueError('missing "=" after {!r}'.format(text[i:]))
        key = text[i:eq].strip()
        i = eq + 1
        while i < n and text[i].isspace():
            i += 1
        value = []
        if i < n and text[i] == "'":
            i += 1
            while True:
                if i >= n:
                    raise ValueError('unterminated quoted value for {}'.format(key))
                c = text[i]
                if c == '\\' and i + 1 < n:
                    value.append(text[i + 1])
                    i += 2
                elif c == "'" and i + 1 < n and text[i + 1] == "'":
                    value.append("'")
                    i += 2
                elif c == "'":
                    i += 1
                    break
                else:
                    value.append(c)
                    i += 1
        else:
            while i < n and not text[i].isspace():
                value.append(text[i])
                i += 1
        params[key] = ''.join(value)
    return params
