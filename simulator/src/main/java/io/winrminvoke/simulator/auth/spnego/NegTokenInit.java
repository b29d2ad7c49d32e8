package io.winrminvoke.simulator.auth.spnego;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The initiator's first SPNEGO token (RFC 4178 4.2.1): the mechanisms it offers, best first, and
 * optionally an optimistic token for the first one. {@code mechTypesDer} is the exact DER of the
 * mechanism list, which the mechListMIC signs.
 */
public record NegTokenInit(List<String> mechTypes, byte[] mechTypesDer, byte[] mechToken, byte[] mechListMic) {

    /** Parses the inner token of a {@link GssFraming} whose mechanism is SPNEGO. */
    public static NegTokenInit parse(byte[] inner) {
        try {
            ASN1TaggedObject choice = ASN1TaggedObject.getInstance(ASN1Primitive.fromByteArray(inner));
            if (choice.getTagNo() != 0) {
                throw new SpnegoException("SPNEGO initial token is not a NegTokenInit (tag " + choice.getTagNo() + ")", null);
            }
            ASN1Sequence seq = ASN1Sequence.getInstance(choice, true);
            List<String> mechs = new ArrayList<>();
            byte[] mechsDer = null;
            byte[] token = null;
            byte[] mic = null;
            for (ASN1Encodable e : seq) {
                ASN1TaggedObject field = ASN1TaggedObject.getInstance(e);
                switch (field.getTagNo()) {
                    case 0 -> {
                        ASN1Sequence list = ASN1Sequence.getInstance(field, true);
                        for (ASN1Encodable m : list) {
                            mechs.add(ASN1ObjectIdentifier.getInstance(m).getId());
                        }
                        mechsDer = list.getEncoded(ASN1Encoding.DER);
                    }
                    case 2 -> token = ASN1OctetString.getInstance(field, true).getOctets();
                    case 3 -> mic = ASN1OctetString.getInstance(field, true).getOctets();
                    default -> {
                        // reqFlags [1] and the Microsoft negHints carry nothing the acceptor needs
                    }
                }
            }
            if (mechs.isEmpty()) {
                throw new SpnegoException("NegTokenInit offers no mechanism", null);
            }
            return new NegTokenInit(List.copyOf(mechs), mechsDer, token, mic);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new SpnegoException("not a valid NegTokenInit: " + e.getMessage(), e);
        }
    }
}
