# The users of the secure profile, shared by kafka.sh (passwords, client configs) and acls.sh.
# Sourced, never run. Levels are in ascending order of clearance.

secure_levels=(unclassified restricted confidential secret)

# broker: the node itself (inter-broker SCRAM login, and its certificate on the controller listener).
# admin: the operator (topics, ACLs, users). Both are the only super users.
secure_super_users=(broker admin)

secure_roles=(ingest worker monitor)
for _level in "${secure_levels[@]}"; do secure_roles+=("analyst-$_level"); done
for _level in "${secure_levels[@]}"; do secure_roles+=("commander-$_level"); done
secure_roles+=(auditor)
unset _level

secure_users=("${secure_super_users[@]}" "${secure_roles[@]}")
