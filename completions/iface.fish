# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_iface_global_optspecs
    string join \n index= cache-dir= offline format= q/quiet v/verbose color= no-progress timeout= connect-timeout= h/help V/version
end

function __fish_iface_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_iface_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_iface_using_subcommand
    set -l cmd (__fish_iface_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c iface -n "__fish_iface_needs_command" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_needs_command" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_needs_command" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_needs_command" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_needs_command" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_needs_command" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_needs_command" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_needs_command" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_needs_command" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_needs_command" -s V -l version -d 'Print version'
complete -c iface -n "__fish_iface_needs_command" -f -a "check" -d 'Validate an interface directory'
complete -c iface -n "__fish_iface_needs_command" -f -a "init" -d 'Scaffold a new interface in the seed format'
complete -c iface -n "__fish_iface_needs_command" -f -a "pack" -d 'Build the archive that `iface publish` uploads'
complete -c iface -n "__fish_iface_needs_command" -f -a "list" -d 'List the interfaces of the index'
complete -c iface -n "__fish_iface_needs_command" -f -a "ls" -d 'List the interfaces of the index'
complete -c iface -n "__fish_iface_needs_command" -f -a "search" -d 'Search interfaces by name, summary, description, category and maintainers'
complete -c iface -n "__fish_iface_needs_command" -f -a "show" -d 'Show an interface: summary, maintainers, roles, revisions and README'
complete -c iface -n "__fish_iface_needs_command" -f -a "fetch" -d 'Fetch interfaces into DIR/<name>/ through the verified cache'
complete -c iface -n "__fish_iface_needs_command" -f -a "publish" -d 'Check, pack and upload an interface as its next revision'
complete -c iface -n "__fish_iface_needs_command" -f -a "login" -d 'Save a token for the index (read from the terminal, or stdin)'
complete -c iface -n "__fish_iface_needs_command" -f -a "logout" -d 'Forget the token saved for the index'
complete -c iface -n "__fish_iface_needs_command" -f -a "whoami" -d 'Show who the token belongs to on the index'
complete -c iface -n "__fish_iface_needs_command" -f -a "token" -d 'Create, list and revoke tokens (your own; any user\'s with the admin token)'
complete -c iface -n "__fish_iface_needs_command" -f -a "promulgate" -d 'Make a bare name stand for one owner\'s interface (admin)'
complete -c iface -n "__fish_iface_needs_command" -f -a "unpromulgate" -d 'Make a bare name stand for nothing again (admin)'
complete -c iface -n "__fish_iface_needs_command" -f -a "maintainer" -d 'Grant, revoke and list who may publish an interface besides its owner'
complete -c iface -n "__fish_iface_needs_command" -f -a "compose" -d 'Splice the interfaces a charm\'s endpoints use into hooks/relations/'
complete -c iface -n "__fish_iface_needs_command" -f -a "diff" -d 'Show what changed between two revisions, or a revision and a directory'
complete -c iface -n "__fish_iface_needs_command" -f -a "serve" -d 'Run the interface index: REST API under /v1 and HTML pages'
complete -c iface -n "__fish_iface_needs_command" -f -a "store" -d 'Move an index between stores (SQLite and PostgreSQL)'
complete -c iface -n "__fish_iface_needs_command" -f -a "watch" -d 'Print new revisions as they are published'
complete -c iface -n "__fish_iface_needs_command" -f -a "generate-files" -d 'Regenerate the committed shell completions and man pages'
complete -c iface -n "__fish_iface_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c iface -n "__fish_iface_using_subcommand check" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand check" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand check" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand check" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand check" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand check" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand check" -l strict -d 'Treat warnings as errors'
complete -c iface -n "__fish_iface_using_subcommand check" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand check" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand check" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand check" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand init" -l summary -d 'One-line summary for interface.yaml' -r
complete -c iface -n "__fish_iface_using_subcommand init" -l maintainer -d 'Maintainer for interface.yaml, e.g. "Jane Doe <jane@example.com>"' -r
complete -c iface -n "__fish_iface_using_subcommand init" -l category -d 'Category for interface.yaml, e.g. database, web, ops' -r
complete -c iface -n "__fish_iface_using_subcommand init" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand init" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand init" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand init" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand init" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand init" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand init" -l peer -d 'Make a peer interface (one `peer/` role) instead of provides/requires'
complete -c iface -n "__fish_iface_using_subcommand init" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand init" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand init" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand init" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand pack" -s o -l output -d 'Where to write the archive [default: NAME.tar.gz in the current directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand pack" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand pack" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand pack" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand pack" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand pack" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand pack" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand pack" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand pack" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand pack" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand pack" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand pack" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand list" -l owner -d 'Only interfaces in this namespace (`bob` or `~bob`)' -r
complete -c iface -n "__fish_iface_using_subcommand list" -l category -d 'Only interfaces in this category, e.g. database' -r
complete -c iface -n "__fish_iface_using_subcommand list" -l limit -d 'Show at most this many per index [default: all]' -r
complete -c iface -n "__fish_iface_using_subcommand list" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand list" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand list" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand list" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand list" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand list" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand list" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand list" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand list" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand list" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand ls" -l owner -d 'Only interfaces in this namespace (`bob` or `~bob`)' -r
complete -c iface -n "__fish_iface_using_subcommand ls" -l category -d 'Only interfaces in this category, e.g. database' -r
complete -c iface -n "__fish_iface_using_subcommand ls" -l limit -d 'Show at most this many per index [default: all]' -r
complete -c iface -n "__fish_iface_using_subcommand ls" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand ls" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand ls" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand ls" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand ls" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand ls" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand ls" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand ls" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand ls" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand ls" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand search" -l limit -d 'Show at most this many per index' -r
complete -c iface -n "__fish_iface_using_subcommand search" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand search" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand search" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand search" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand search" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand search" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand search" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand search" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand search" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand search" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand show" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand show" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand show" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand show" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand show" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand show" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand show" -l readme -d 'Print only the README, as Markdown'
complete -c iface -n "__fish_iface_using_subcommand show" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand show" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand show" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand show" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand fetch" -s o -l output-dir -d 'Where to put them: each goes into DIR/<name>/' -r -F
complete -c iface -n "__fish_iface_using_subcommand fetch" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand fetch" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand fetch" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand fetch" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand fetch" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand fetch" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand fetch" -l force -d 'Replace target directories that exist'
complete -c iface -n "__fish_iface_using_subcommand fetch" -l cache-only -d 'Only fill the cache; unpack nothing (for a later --offline run)'
complete -c iface -n "__fish_iface_using_subcommand fetch" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand fetch" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand fetch" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand fetch" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand fetch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand publish" -l owner -d 'Publish into this namespace (one you maintain an interface in, or any with the admin token) [default: the token\'s user]' -r
complete -c iface -n "__fish_iface_using_subcommand publish" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand publish" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand publish" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand publish" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand publish" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand publish" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand publish" -l dry-run -d 'Check and pack, and say what would be uploaded, without uploading'
complete -c iface -n "__fish_iface_using_subcommand publish" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand publish" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand publish" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand publish" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand publish" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand login" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand login" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand login" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand login" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand login" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand login" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand login" -l token-stdin -d 'Read the token from standard input instead of the terminal'
complete -c iface -n "__fish_iface_using_subcommand login" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand login" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand login" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand login" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand logout" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand logout" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand logout" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand logout" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand logout" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand logout" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand logout" -l all -d 'Forget the tokens of every index'
complete -c iface -n "__fish_iface_using_subcommand logout" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand logout" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand logout" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand logout" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand whoami" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand whoami" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand whoami" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand whoami" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand whoami" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand whoami" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand whoami" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand whoami" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand whoami" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand whoami" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -f -a "create" -d 'Mint a token for USER and print it alone on stdout'
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -f -a "list" -d 'List live tokens (never their secrets)'
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -f -a "ls" -d 'List live tokens (never their secrets)'
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -f -a "revoke" -d 'Revoke a token by the id `iface token list` shows'
complete -c iface -n "__fish_iface_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -l label -d 'A note to tell tokens apart, e.g. laptop or ci' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from list" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from list" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from list" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from list" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from ls" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from ls" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from ls" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from ls" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from ls" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -l user -d 'Whose token [default: yours]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "create" -d 'Mint a token for USER and print it alone on stdout'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'List live tokens (never their secrets)'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a token by the id `iface token list` shows'
complete -c iface -n "__fish_iface_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c iface -n "__fish_iface_using_subcommand promulgate" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand promulgate" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand promulgate" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand promulgate" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand promulgate" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand promulgate" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand promulgate" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand promulgate" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand promulgate" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand promulgate" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand promulgate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand unpromulgate" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand unpromulgate" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand unpromulgate" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand unpromulgate" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand unpromulgate" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand unpromulgate" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand unpromulgate" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand unpromulgate" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand unpromulgate" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand unpromulgate" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand unpromulgate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -f -a "add" -d 'Let USER publish revisions of the interface (owner or admin)'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -f -a "grant" -d 'Let USER publish revisions of the interface (owner or admin)'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -f -a "remove" -d 'Take that right away again (owner or admin)'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -f -a "revoke" -d 'Take that right away again (owner or admin)'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -f -a "list" -d 'List who may publish the interface besides its owner'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -f -a "ls" -d 'List who may publish the interface besides its owner'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and not __fish_seen_subcommand_from add grant remove revoke list ls help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from add" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from add" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from add" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from add" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from add" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from add" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from add" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from add" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from grant" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from grant" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from grant" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from grant" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from grant" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from grant" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from grant" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from grant" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from remove" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from remove" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from remove" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from remove" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from remove" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from remove" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from remove" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from revoke" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from revoke" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from revoke" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from revoke" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from revoke" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from revoke" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from revoke" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from list" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from list" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from list" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from list" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from ls" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from ls" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from ls" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from ls" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from ls" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from help" -f -a "add" -d 'Let USER publish revisions of the interface (owner or admin)'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Take that right away again (owner or admin)'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from help" -f -a "list" -d 'List who may publish the interface besides its owner'
complete -c iface -n "__fish_iface_using_subcommand maintainer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c iface -n "__fish_iface_using_subcommand compose" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand compose" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand compose" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand compose" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand compose" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand compose" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand compose" -l refresh -d 'Move each interface to its newest revision with the same `version`'
complete -c iface -n "__fish_iface_using_subcommand compose" -l force -d 'Overwrite files under hooks/relations/ that were edited by hand'
complete -c iface -n "__fish_iface_using_subcommand compose" -l dry-run -d 'Print the plan (add, update, remove, keep) and change nothing'
complete -c iface -n "__fish_iface_using_subcommand compose" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand compose" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand compose" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand compose" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand compose" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand diff" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand diff" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand diff" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand diff" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand diff" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand diff" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand diff" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand diff" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand diff" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand diff" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand serve" -l listen -d 'Address to listen on' -r
complete -c iface -n "__fish_iface_using_subcommand serve" -l data -d 'Data directory (SQLite database and archives) [default: the user data directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand serve" -l admin-token-file -d 'File holding the admin token (IFACE_ADMIN_TOKEN also works)' -r -F
complete -c iface -n "__fish_iface_using_subcommand serve" -l database -d 'The store: `sqlite:PATH` (a data directory) or `postgres://...`, which several replicas of `iface serve` can share; TLS as libpq\'s `sslmode` and `sslrootcert` say [default: SQLite in --data]' -r
complete -c iface -n "__fish_iface_using_subcommand serve" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand serve" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand serve" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand serve" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand serve" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand serve" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand serve" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand serve" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand serve" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand serve" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -f -a "copy" -d 'Copy a whole index from one store to another'
complete -c iface -n "__fish_iface_using_subcommand store; and not __fish_seen_subcommand_from copy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -l from -d 'The store to read, which must hold an index' -r
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -l to -d 'The store to write, created if needed' -r
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -l force -d 'Copy into a store that already holds data, keeping what is there: interfaces whose history there is a prefix of the source\'s are completed; a differing history or promulgation is refused by name'
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy a whole index from one store to another'
complete -c iface -n "__fish_iface_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c iface -n "__fish_iface_using_subcommand watch" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand watch" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand watch" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand watch" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand watch" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand watch" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand watch" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand watch" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand watch" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand watch" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l root -d 'The project directory holding completions/ and man/' -r -F
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]' -r
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l timeout -d 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l connect-timeout -d 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]' -r
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l offline -d 'Answer from the cache (and local index directories) alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand generate-files" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand generate-files" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand generate-files" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "check" -d 'Validate an interface directory'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "init" -d 'Scaffold a new interface in the seed format'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "pack" -d 'Build the archive that `iface publish` uploads'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "list" -d 'List the interfaces of the index'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "search" -d 'Search interfaces by name, summary, description, category and maintainers'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "show" -d 'Show an interface: summary, maintainers, roles, revisions and README'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "fetch" -d 'Fetch interfaces into DIR/<name>/ through the verified cache'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "publish" -d 'Check, pack and upload an interface as its next revision'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "login" -d 'Save a token for the index (read from the terminal, or stdin)'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "logout" -d 'Forget the token saved for the index'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "whoami" -d 'Show who the token belongs to on the index'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "token" -d 'Create, list and revoke tokens (your own; any user\'s with the admin token)'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "promulgate" -d 'Make a bare name stand for one owner\'s interface (admin)'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "unpromulgate" -d 'Make a bare name stand for nothing again (admin)'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "maintainer" -d 'Grant, revoke and list who may publish an interface besides its owner'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "compose" -d 'Splice the interfaces a charm\'s endpoints use into hooks/relations/'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "diff" -d 'Show what changed between two revisions, or a revision and a directory'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "serve" -d 'Run the interface index: REST API under /v1 and HTML pages'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "store" -d 'Move an index between stores (SQLite and PostgreSQL)'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "watch" -d 'Print new revisions as they are published'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "generate-files" -d 'Regenerate the committed shell completions and man pages'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack list search show fetch publish login logout whoami token promulgate unpromulgate maintainer compose diff serve store watch generate-files help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c iface -n "__fish_iface_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "create" -d 'Mint a token for USER and print it alone on stdout'
complete -c iface -n "__fish_iface_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "list" -d 'List live tokens (never their secrets)'
complete -c iface -n "__fish_iface_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke a token by the id `iface token list` shows'
complete -c iface -n "__fish_iface_using_subcommand help; and __fish_seen_subcommand_from maintainer" -f -a "add" -d 'Let USER publish revisions of the interface (owner or admin)'
complete -c iface -n "__fish_iface_using_subcommand help; and __fish_seen_subcommand_from maintainer" -f -a "remove" -d 'Take that right away again (owner or admin)'
complete -c iface -n "__fish_iface_using_subcommand help; and __fish_seen_subcommand_from maintainer" -f -a "list" -d 'List who may publish the interface besides its owner'
complete -c iface -n "__fish_iface_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "copy" -d 'Copy a whole index from one store to another'
