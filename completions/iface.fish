# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_iface_global_optspecs
    string join \n index= cache-dir= offline format= q/quiet v/verbose color= no-progress h/help V/version
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

complete -c iface -n "__fish_iface_needs_command" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]' -r
complete -c iface -n "__fish_iface_needs_command" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_needs_command" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_needs_command" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_needs_command" -l offline -d 'Answer from the cache alone; never touch the network'
complete -c iface -n "__fish_iface_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_needs_command" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_needs_command" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_needs_command" -s V -l version -d 'Print version'
complete -c iface -n "__fish_iface_needs_command" -f -a "check" -d 'Validate an interface directory'
complete -c iface -n "__fish_iface_needs_command" -f -a "init" -d 'Scaffold a new interface in the seed format'
complete -c iface -n "__fish_iface_needs_command" -f -a "pack" -d 'Build the archive that `iface publish` uploads'
complete -c iface -n "__fish_iface_needs_command" -f -a "serve" -d 'Run the interface index: REST API under /v1 and HTML pages'
complete -c iface -n "__fish_iface_needs_command" -f -a "generate-files" -d 'Regenerate the committed shell completions and man pages'
complete -c iface -n "__fish_iface_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c iface -n "__fish_iface_using_subcommand check" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]' -r
complete -c iface -n "__fish_iface_using_subcommand check" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand check" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand check" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand check" -l strict -d 'Treat warnings as errors'
complete -c iface -n "__fish_iface_using_subcommand check" -l offline -d 'Answer from the cache alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand check" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand check" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand check" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand init" -l summary -d 'One-line summary for interface.yaml' -r
complete -c iface -n "__fish_iface_using_subcommand init" -l maintainer -d 'Maintainer for interface.yaml, e.g. "Jane Doe <jane@example.com>"' -r
complete -c iface -n "__fish_iface_using_subcommand init" -l category -d 'Category for interface.yaml, e.g. database, web, ops' -r
complete -c iface -n "__fish_iface_using_subcommand init" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]' -r
complete -c iface -n "__fish_iface_using_subcommand init" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand init" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand init" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand init" -l peer -d 'Make a peer interface (one `peer/` role) instead of provides/requires'
complete -c iface -n "__fish_iface_using_subcommand init" -l offline -d 'Answer from the cache alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand init" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand init" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand init" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand pack" -s o -l output -d 'Where to write the archive [default: NAME.tar.gz in the current directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand pack" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]' -r
complete -c iface -n "__fish_iface_using_subcommand pack" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand pack" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand pack" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand pack" -l offline -d 'Answer from the cache alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand pack" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand pack" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand pack" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand pack" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand serve" -l listen -d 'Address to listen on' -r
complete -c iface -n "__fish_iface_using_subcommand serve" -l data -d 'Data directory (SQLite database and archives) [default: the user data directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand serve" -l admin-token-file -d 'File holding the admin token (IFACE_ADMIN_TOKEN also works)' -r -F
complete -c iface -n "__fish_iface_using_subcommand serve" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]' -r
complete -c iface -n "__fish_iface_using_subcommand serve" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand serve" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand serve" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand serve" -l offline -d 'Answer from the cache alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand serve" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand serve" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand serve" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l root -d 'The project directory holding completions/ and man/' -r -F
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l index -d 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]' -r
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l cache-dir -d 'Cache directory [default: the user cache directory]' -r -F
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l format -d 'Output format: text for people, json for computers' -r -f -a "text\t'Readable text for people'
json\t'JSON for computers'"
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l color -d 'When to use colour (NO_COLOR turns it off for auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l offline -d 'Answer from the cache alone; never touch the network'
complete -c iface -n "__fish_iface_using_subcommand generate-files" -s q -l quiet -d 'Print only data and errors'
complete -c iface -n "__fish_iface_using_subcommand generate-files" -s v -l verbose -d 'Print more about what is being done'
complete -c iface -n "__fish_iface_using_subcommand generate-files" -l no-progress -d 'Never show progress bars or spinners'
complete -c iface -n "__fish_iface_using_subcommand generate-files" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack serve generate-files help" -f -a "check" -d 'Validate an interface directory'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack serve generate-files help" -f -a "init" -d 'Scaffold a new interface in the seed format'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack serve generate-files help" -f -a "pack" -d 'Build the archive that `iface publish` uploads'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack serve generate-files help" -f -a "serve" -d 'Run the interface index: REST API under /v1 and HTML pages'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack serve generate-files help" -f -a "generate-files" -d 'Regenerate the committed shell completions and man pages'
complete -c iface -n "__fish_iface_using_subcommand help; and not __fish_seen_subcommand_from check init pack serve generate-files help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
