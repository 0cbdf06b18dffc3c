// Must NOT type-check: the declarations catch these mistakes.
import OrderKit from 'orderkit';

const ok = await OrderKit.init();
ok.mobile.models.OrderCreationRequest.toJson({ PaymentId: '7' });           // TS2322: string is not number
ok.broadband.models.OrderNew.toXml({});                                      // TS2339: 000 documents no XML
ok.contracts.client({ baseUrl: 'x' }).generateOrder();                       // TS2554: missing id
