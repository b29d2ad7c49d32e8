package io.winrminvoke.simulator.auth.kerberos;

import io.winrminvoke.simulator.auth.spnego.GssFraming;
import io.winrminvoke.simulator.auth.spnego.NegTokenInit;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;

import javax.security.auth.kerberos.KerberosKey;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KeyTab;
import java.io.IOException;
import java.util.Arrays;

/**
 * The channel bindings a Kerberos client put in its AP-REQ (RFC 4121 4.1.1: the MD5 "Bnd" field
 * of the 0x8003 authenticator checksum), read with the service key from the keytab. The JDK's
 * acceptor compares bindings itself but hashes null addresses differently from Windows and MIT
 * (type 255 rather than 0) for bindings it is given through the public API, so the simulator
 * checks the Bnd field against its own tls-server-end-point hash instead.
 */
final class AuthenticatorBindings {
    private static final int GSS_CHECKSUM = 0x8003;
    private static final int USAGE_TICKET = 2;
    private static final int USAGE_AUTHENTICATOR = 11;

    private AuthenticatorBindings() {
    }

    /** The 16-byte Bnd of the client's first token (raw Kerberos or SPNEGO); all zeros when none was bound. */
    static byte[] of(byte[] firstToken, KeyTab keytab) {
        try {
            byte[] apReq = apReq(firstToken);
            ASN1Sequence req = application(apReq, 14);
            ASN1Sequence ticket = application(field(req, 3).toASN1Primitive().getEncoded(), 1);
            String realm = ((ASN1String) field(ticket, 1)).getString();
            ASN1Sequence names = ASN1Sequence.getInstance(field(ASN1Sequence.getInstance(field(ticket, 2)), 1));
            StringBuilder sname = new StringBuilder();
            for (ASN1Encodable n : names) {
                sname.append(sname.length() == 0 ? "" : "/").append(((ASN1String) n).getString());
            }
            ASN1Sequence ticketPart = ASN1Sequence.getInstance(field(ticket, 3));
            int etype = integer(field(ticketPart, 0));
            Integer kvno = optional(ticketPart, 1) == null ? null : integer(field(ticketPart, 1));
            byte[] serviceKey = serviceKey(keytab, sname + "@" + realm, etype, kvno);
            byte[] encTicket = AesCtsHmacSha1.decrypt(serviceKey, USAGE_TICKET, octets(field(ticketPart, 2)));
            ASN1Sequence sessionKey = ASN1Sequence.getInstance(field(application(encTicket, 3), 1));
            byte[] key = octets(field(sessionKey, 1));

            ASN1Sequence authPart = ASN1Sequence.getInstance(field(req, 4));
            byte[] auth = AesCtsHmacSha1.decrypt(key, USAGE_AUTHENTICATOR, octets(field(authPart, 2)));
            ASN1Encodable cksum = optional(application(auth, 2), 3);
            if (cksum == null) {
                return new byte[16];
            }
            ASN1Sequence checksum = ASN1Sequence.getInstance(cksum);
            byte[] value = octets(field(checksum, 1));
            if (integer(field(checksum, 0)) != GSS_CHECKSUM || value.length < 20) {
                return new byte[16];
            }
            return Arrays.copyOfRange(value, 4, 20);
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new KerberosException("cannot read the AP-REQ's channel bindings: " + e.getMessage(), e);
        }
    }

    private static byte[] apReq(byte[] token) {
        GssFraming framing = GssFraming.parse(token);
        if (framing != null && framing.mechanism().equals(GssFraming.SPNEGO)) {
            byte[] mechToken = NegTokenInit.parse(framing.innerToken()).mechToken();
            framing = mechToken == null ? null : GssFraming.parse(mechToken);
        }
        if (framing == null || framing.innerToken().length < 2 || framing.innerToken()[0] != 1 || framing.innerToken()[1] != 0) {
            throw new IllegalArgumentException("not a Kerberos AP-REQ token");
        }
        return Arrays.copyOfRange(framing.innerToken(), 2, framing.innerToken().length);
    }

    private static byte[] serviceKey(KeyTab keytab, String principal, int etype, Integer kvno) {
        KerberosKey[] keys = keytab.getKeys(new KerberosPrincipal(principal));
        for (KerberosKey k : keys) {
            if (k.getKeyType() == etype && (kvno == null || k.getVersionNumber() == kvno)) {
                return k.getEncoded();
            }
        }
        throw new IllegalArgumentException("the keytab has no key for " + principal + " (etype " + etype + ", kvno " + kvno + ")");
    }

    private static ASN1Sequence application(byte[] der, int tag) throws IOException {
        ASN1TaggedObject t = ASN1TaggedObject.getInstance(ASN1Primitive.fromByteArray(der));
        if (t.getTagNo() != tag) {
            throw new IllegalArgumentException("expected [APPLICATION " + tag + "], got tag " + t.getTagNo());
        }
        return ASN1Sequence.getInstance(t.getExplicitBaseObject());
    }

    private static ASN1Encodable optional(ASN1Sequence seq, int tag) {
        for (ASN1Encodable e : seq) {
            ASN1TaggedObject t = ASN1TaggedObject.getInstance(e);
            if (t.getTagNo() == tag) {
                return t.getExplicitBaseObject();
            }
        }
        return null;
    }

    private static ASN1Encodable field(ASN1Sequence seq, int tag) {
        ASN1Encodable e = optional(seq, tag);
        if (e == null) {
            throw new IllegalArgumentException("field [" + tag + "] missing");
        }
        return e;
    }

    private static int integer(ASN1Encodable e) {
        return ASN1Integer.getInstance(e).intValueExact();
    }

    private static byte[] octets(ASN1Encodable e) {
        return ASN1OctetString.getInstance(e).getOctets();
    }
}
