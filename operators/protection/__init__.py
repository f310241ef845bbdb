"""Message protection: the sealed envelope (AES-GCM, Ed25519) and the audit hash chain."""
