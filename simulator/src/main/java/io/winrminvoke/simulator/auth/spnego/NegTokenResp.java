package io.winrminvoke.simulator.auth.spnego;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Every SPNEGO token after the first (RFC 4178 4.2.2), in either direction. Null fields are absent. */
public record NegTokenResp(Integer negState, String supportedMech, byte[] responseToken, byte[] mechListMic) {
    public static final int ACCEPT_COMPLETED = 0;
    public static final int ACCEPT_INCOMPLETE = 1;
    public static final int REJECT = 2;

    /** Whether {@code token} starts like a NegTokenResp ({@code [1]} constructed). */
    public static boolean looksLike(byte[] token) {
        return token.length > 0 && (token[0] & 0xFF) == 0xA1;
    }

    public static NegTokenResp parse(byte[] token) {
        try {
            ASN1TaggedObject choice = ASN1TaggedObject.getInstance(ASN1Primitive.fromByteArray(token));
            if (choice.getTagNo() != 1) {
                throw new SpnegoException("not a NegTokenResp (tag " + choice.getTagNo() + ")", null);
            }
            Integer state = null;
            String mech = null;
            byte[] response = null;
            byte[] mic = null;
            for (ASN1Encodable e : ASN1Sequence.getInstance(choice, true)) {
                ASN1TaggedObject field = ASN1TaggedObject.getInstance(e);
                switch (field.getTagNo()) {
                    case 0 -> state = ASN1Enumerated.getInstance(field, true).intValueExact();
                    case 1 -> mech = ASN1ObjectIdentifier.getInstance(field, true).getId();
                    case 2 -> response = ASN1OctetString.getInstance(field, true).getOctets();
                    case 3 -> mic = ASN1OctetString.getInstance(field, true).getOctets();
                    default -> throw new SpnegoException("NegTokenResp has an unknown field [" + field.getTagNo() + "]", null);
                }
            }
            return new NegTokenResp(state, mech, response, mic);
        } catch (IOException | IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new SpnegoException("not a valid NegTokenResp: " + e.getMessage(), e);
        }
    }

    public byte[] encode() {
        ASN1EncodableVector v = new ASN1EncodableVector();
        if (negState != null) {
            v.add(new DERTaggedObject(true, 0, new ASN1Enumerated(negState)));
        }
        if (supportedMech != null) {
            v.add(new DERTaggedObject(true, 1, new ASN1ObjectIdentifier(supportedMech)));
        }
        if (responseToken != null) {
            v.add(new DERTaggedObject(true, 2, new DEROctetString(responseToken)));
        }
        if (mechListMic != null) {
            v.add(new DERTaggedObject(true, 3, new DEROctetString(mechListMic)));
        }
        try {
            return new DERTaggedObject(true, 1, new DERSequence(v)).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
