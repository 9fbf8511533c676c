/** Nicira extension actions (os_ken.ofproto.nx_actions). */
export {};
